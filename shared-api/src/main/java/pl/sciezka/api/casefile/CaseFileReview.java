package pl.sciezka.api.casefile;

import java.time.Instant;
import pl.sciezka.api.familycase.ReviewVerdict;

/** A supervisor's review of an event of the case. */
public record CaseFileReview(String reviewId,
                             String eventId,
                             ReviewVerdict verdict,
                             String comment,
                             String reviewedBy,
                             Instant reviewedAt) {
}
