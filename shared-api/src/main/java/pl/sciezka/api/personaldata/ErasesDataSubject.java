package pl.sciezka.api.personaldata;

/**
 * An event that erases a data subject (GDPR art. 17): when it is stored, the subject's key is
 * destroyed in the same transaction, so the event and the erasure commit or fail together. From then
 * on every {@link PersonalData} value of that subject reads as {@link PersonalData#ERASED}, in every
 * event already stored and in every replay.
 * <pre>{@code
 * public record MemberErased(String caseId, String memberId, String reason)
 *         implements FamilyCaseEvent, ErasesDataSubject {
 *     public String erasedSubjectId() { return memberId; }
 * }
 * }</pre>
 * Views built before the erasure still hold what they were given: projections handle the event too
 * and drop the person's data from their documents.
 */
public interface ErasesDataSubject {

    /** The id the subject's {@link DataSubjectId} components carry. */
    String erasedSubjectId();
}
