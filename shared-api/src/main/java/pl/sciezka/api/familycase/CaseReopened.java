package pl.sciezka.api.familycase;

/** The case was reopened; {@code episode} counts the episodes of support from 1. */
public record CaseReopened(String caseId, String reason, int episode) implements FamilyCaseEvent {
}
