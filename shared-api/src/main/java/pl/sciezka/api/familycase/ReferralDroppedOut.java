package pl.sciezka.api.familycase;

/** The family stopped attending. */
public record ReferralDroppedOut(String caseId, String referralId, String reason) implements FamilyCaseEvent {
}
