package pl.sciezka.api.outcomes;

import java.util.List;
import java.util.Set;
import pl.sciezka.api.familycase.Generation;

/** A case's outcomes per horizon, the generations present, and the definition its verdicts used. */
public record CaseOutcomes(String caseId, Set<Generation> generationsPresent, CycleDefinition definition,
                           List<HorizonOutcome> horizons) {
}
