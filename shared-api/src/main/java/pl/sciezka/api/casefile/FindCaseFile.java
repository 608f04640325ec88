package pl.sciezka.api.casefile;

import pl.sciezka.api.Actor;

/** Asks for one case file as the viewer may see it; empty when the case is unknown or not theirs. */
public record FindCaseFile(String caseId, Actor viewer) {
}
