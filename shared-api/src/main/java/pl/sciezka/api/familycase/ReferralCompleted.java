package pl.sciezka.api.familycase;

/** The referral ended as planned, with its outcome. */
public record ReferralCompleted(String caseId, String referralId, ReferralOutcome outcome) implements FamilyCaseEvent {
}
