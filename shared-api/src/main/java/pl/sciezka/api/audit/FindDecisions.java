package pl.sciezka.api.audit;

import java.time.Instant;
import pl.sciezka.api.Actor;

/** Decisions across cases, newest first; every filter is optional, the period defaults to the last 90 days. */
public record FindDecisions(Actor viewer, String actor, String type, Instant from, Instant to, int page, int size) {
}
