package pl.sciezka.api.audit;

import pl.sciezka.api.Actor;

/** Asks for a case's audit trail; empty when the case is unknown or not visible to the viewer. */
public record FindTimeline(String caseId, Actor viewer) {
}
