package pl.sciezka.api.outcomes;

import pl.sciezka.api.Actor;

/** A case's outcomes; an evaluator names the case by its pseudonym. */
public record FindCaseOutcomes(String caseId, Actor viewer, CycleDefinition definition) {
}
