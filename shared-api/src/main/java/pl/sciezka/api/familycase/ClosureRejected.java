package pl.sciezka.api.familycase;

/** A supervisor rejected the closure request. */
public record ClosureRejected(String caseId, String comment) implements FamilyCaseEvent {
}
