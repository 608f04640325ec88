package pl.sciezka.query.outcomes;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.outcomes.CohortGroup;
import pl.sciezka.api.outcomes.CohortGrouping;
import pl.sciezka.api.outcomes.CycleDefinition;

/**
 * Groups families into cohorts and compares them at one horizon: families, measured, cycle broken
 * (count, and rate among the measured) and indicator means among the measured. A family diagnosed in
 * several problem areas counts in each of those groups.
 */
final class CohortCalculation {

    private CohortCalculation() {
    }

    /** The scan: every family's figures under any definition, summed per group; groups ordered by key. */
    static List<CohortGroup> groups(List<OutcomeDocument> families, CohortGrouping groupBy, Horizon horizon,
                                    CycleDefinition definition, boolean threeGenerationsOnly) {
        Map<String, CohortFigures> byKey = new TreeMap<>();
        families.stream()
                .filter(family -> !threeGenerationsOnly || family.hasThreeGenerations())
                .forEach(family -> {
                    CohortFigures figures = CohortFigures.of(family, horizon, definition);
                    keys(family, groupBy).forEach(key -> byKey.merge(key, figures, CohortFigures::plus));
                });
        return byKey.entrySet().stream().map(group -> group.getValue().group(group.getKey())).toList();
    }

    static Stream<String> keys(OutcomeDocument family, CohortGrouping groupBy) {
        return switch (groupBy) {
            case ENROLMENT_YEAR -> Stream.of(Integer.toString(family.enrolmentYear));
            case DISTRICT -> Stream.of(family.district);
            case PROBLEM_AREA -> family.problemAreas.isEmpty()
                    ? Stream.of("NONE") : family.problemAreas.stream().map(Enum::name);
            case SERVICE_DOSE -> Stream.of(dose(family.deliveries));
        };
    }

    /** Buckets of delivered services, so a dose-response relation can be seen. */
    static String dose(int deliveries) {
        if (deliveries == 0) {
            return "0";
        }
        if (deliveries < 5) {
            return "1-4";
        }
        return deliveries < 10 ? "5-9" : "10+";
    }
}
