package pl.sciezka.api.familycase;

/** The referral was revoked. */
public record ReferralRevoked(String caseId, String referralId, String reason) implements FamilyCaseEvent {
}
