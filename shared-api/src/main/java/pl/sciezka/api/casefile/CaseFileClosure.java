package pl.sciezka.api.casefile;

import java.time.Instant;
import java.time.LocalDate;
import pl.sciezka.api.familycase.ClosureReason;

/** The latest closure request of the case and its decision. */
public record CaseFileClosure(ClosureReason reason,
                              String justification,
                              String openReferralsExplanation,
                              String requestedBy,
                              Instant requestedAt,
                              String decidedBy,
                              String decisionComment,
                              LocalDate closedOn) {
}
