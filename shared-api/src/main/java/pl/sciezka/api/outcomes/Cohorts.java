package pl.sciezka.api.outcomes;

import java.util.List;
import pl.sciezka.api.familycase.Horizon;

/** Cohorts compared at one horizon under one definition, and whether cells or a scan produced the figures. */
public record Cohorts(CohortGrouping groupBy, Horizon horizon, CycleDefinition definition, CohortSource computedFrom,
                     boolean threeGenerationFamiliesOnly, List<CohortGroup> groups) {
}
