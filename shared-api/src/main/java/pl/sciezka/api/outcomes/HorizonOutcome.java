package pl.sciezka.api.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.HouseholdIndicators;

/**
 * The indicators of one horizon of one episode, by generation, and, at follow-ups, whether the cycle
 * was broken and which conditions were not met.
 */
public record HorizonOutcome(Horizon horizon,
                             int episode,
                             LocalDate measuredOn,
                             HouseholdIndicators household,
                             Map<Generation, GenerationIndicators> byGeneration,
                             Boolean cycleBroken,
                             List<String> unmetConditions) {
}
