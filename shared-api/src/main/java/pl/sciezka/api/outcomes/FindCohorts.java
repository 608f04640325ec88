package pl.sciezka.api.outcomes;

import pl.sciezka.api.Actor;
import pl.sciezka.api.familycase.Horizon;

/**
 * Compares cohorts at a horizon (rule 5: optionally only three-generation families); {@code recompute}
 * asks for a pass over every family even where precomputed cells could answer.
 */
public record FindCohorts(Actor viewer, CohortGrouping groupBy, Horizon horizon, CycleDefinition definition,
                          boolean threeGenerationFamiliesOnly, boolean recompute) {
}
