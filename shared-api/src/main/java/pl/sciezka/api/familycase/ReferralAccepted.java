package pl.sciezka.api.familycase;

/** The provider accepted the referral. */
public record ReferralAccepted(String caseId, String referralId) implements FamilyCaseEvent {
}
