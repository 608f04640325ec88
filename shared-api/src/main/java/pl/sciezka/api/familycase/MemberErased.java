package pl.sciezka.api.familycase;

import pl.sciezka.api.personaldata.ErasesDataSubject;

/**
 * A member's personal data was erased (GDPR art. 17): storing this event destroys the member's key.
 * Birth year, generation and measurements remain.
 */
public record MemberErased(String caseId, String memberId, String reason) implements FamilyCaseEvent, ErasesDataSubject {

    @Override
    public String erasedSubjectId() {
        return memberId;
    }
}
