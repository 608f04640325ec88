package pl.sciezka.api.audit;

import java.time.Instant;

/**
 * One read of a case's data: who (user id and role), what ({@code kind}, the case, and for an as-of
 * view the instant asked for), when, and how it was answered. Holds no personal data of the family.
 */
public record ReadEntry(String readId, Instant at, String actor, String role, ReadKind kind, String caseId,
                        Instant asOf, ReadOutcome outcome) {

    /** What was read. */
    public enum ReadKind {
        CASE_FILE, CASE_FILE_AS_OF, TIMELINE, EVENT_EXPORT
    }

    /** How the read was answered: the data was shown, the case was not found (or not visible), or the role was refused. */
    public enum ReadOutcome {
        SHOWN, NOT_FOUND, REFUSED
    }
}
