package pl.sciezka.api.casefile;

import java.time.Instant;
import pl.sciezka.api.Actor;

/** The case file as it stood at {@code asOf}: the case's events up to that instant, folded. */
public record FindCaseFileAsOf(String caseId, Instant asOf, Actor viewer) {
}
