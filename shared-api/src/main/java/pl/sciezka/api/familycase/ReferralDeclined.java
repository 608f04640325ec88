package pl.sciezka.api.familycase;

/** The provider declined the referral. */
public record ReferralDeclined(String caseId, String referralId, String reason) implements FamilyCaseEvent {
}
