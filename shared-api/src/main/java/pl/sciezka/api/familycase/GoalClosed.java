package pl.sciezka.api.familycase;

/** A goal was achieved or abandoned. */
public record GoalClosed(String caseId, String goalId, GoalStatus status, String reason) implements FamilyCaseEvent {
}
