package pl.sciezka.api.familycase;

import java.time.LocalDate;

/** A supervisor approved the closure: the case is closed from this day. */
public record ClosureApproved(String caseId, String comment, LocalDate closedOn) implements FamilyCaseEvent {
}
