package pl.sciezka.api.familycase;

/** A member's personal data was erased; birth year, generation and measurements remain. */
public record MemberErased(String caseId, String memberId, String reason) implements FamilyCaseEvent {
}
