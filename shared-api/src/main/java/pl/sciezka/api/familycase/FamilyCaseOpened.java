package pl.sciezka.api.familycase;

public record FamilyCaseOpened(String caseId, String familyName, String district, String coordinatorId)
        implements FamilyCaseEvent {
}
