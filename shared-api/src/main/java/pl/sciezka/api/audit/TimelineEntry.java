package pl.sciezka.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * One event of a case as the audit trail shows it: who did what, when, in which role, and why;
 * {@code reviews} are supervisors' reviews of this very event. The summary never holds personal data.
 */
public record TimelineEntry(String caseId,
                            String eventId,
                            long sequence,
                            String type,
                            Instant occurredAt,
                            String actor,
                            String role,
                            String summary,
                            String reason,
                            boolean decision,
                            List<Review> reviews) {

    public TimelineEntry {
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
    }

    /** A supervisor's verdict on the entry. */
    public record Review(String reviewId, String verdict, String comment, String reviewer, Instant reviewedAt) {
    }
}
