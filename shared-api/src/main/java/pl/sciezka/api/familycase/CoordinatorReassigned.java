package pl.sciezka.api.familycase;

/** The case has a new coordinator. */
public record CoordinatorReassigned(String caseId, String previousCoordinatorId, String coordinatorId, String reason) implements FamilyCaseEvent {
}
