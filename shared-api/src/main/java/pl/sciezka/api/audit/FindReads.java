package pl.sciezka.api.audit;

import java.time.Instant;
import pl.sciezka.api.Actor;

/**
 * Who read which case file, timeline or as-of view, newest first; every filter is optional, the
 * period defaults to the last 90 days.
 */
public record FindReads(Actor viewer, String caseId, String actor, Instant from, Instant to, int page, int size) {
}
