package pl.sciezka.api.familycase;

/** The coordinator asked to close the case. */
public record ClosureRequested(String caseId, ClosureReason reason, String justification, String openReferralsExplanation) implements FamilyCaseEvent {
}
