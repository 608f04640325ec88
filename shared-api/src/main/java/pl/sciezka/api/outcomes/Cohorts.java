package pl.sciezka.api.outcomes;

import java.util.List;
import pl.sciezka.api.familycase.Horizon;

/** Cohorts compared at one horizon under one definition. */
public record Cohorts(CohortGrouping groupBy, Horizon horizon, CycleDefinition definition,
                     boolean threeGenerationFamiliesOnly, List<CohortGroup> groups) {
}
