package pl.sciezka.api.familycase;

/** A family member joined the case. */
public record MemberRegistered(String caseId, String memberId, String firstName, String lastName, int birthYear, Generation generation, String relation, String pesel) implements FamilyCaseEvent {
}
