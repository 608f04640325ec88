package pl.sciezka.query.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Stream;
import pl.sciezka.api.familycase.Employment;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.MemberIndicators;
import pl.sciezka.api.familycase.OutcomeMeasured;
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

    static List<CohortGroup> groups(List<OutcomeDocument> families, CohortGrouping groupBy, Horizon horizon,
                                    CycleDefinition definition, boolean threeGenerationsOnly) {
        Map<String, List<OutcomeDocument>> byKey = new TreeMap<>();
        families.stream()
                .filter(family -> !threeGenerationsOnly
                        || family.generationsPresent().equals(EnumSet.allOf(Generation.class)))
                .forEach(family -> keys(family, groupBy)
                        .forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(family)));
        List<CohortGroup> groups = new ArrayList<>();
        byKey.forEach((key, members) -> groups.add(group(key, members, horizon, definition)));
        return groups;
    }

    private static CohortGroup group(String key, List<OutcomeDocument> families, Horizon horizon,
                                     CycleDefinition definition) {
        List<Measured> measured = families.stream()
                .flatMap(family -> latest(family, horizon).map(m -> new Measured(family, m)).stream())
                .toList();
        int broken = (int) measured.stream()
                .filter(m -> OutcomeIndicators.unmet(m.family(), m.measurement(), definition).isEmpty())
                .count();
        List<MemberIndicators> parents = measured.stream()
                .flatMap(m -> m.measurement().members().stream()
                        .filter(member -> OutcomeIndicators.generationOf(m.family(), member) == Generation.PARENT))
                .toList();
        return new CohortGroup(key, families.size(), measured.size(), broken,
                measured.isEmpty() ? null : (double) broken / measured.size(),
                mean(measured.stream().map(m -> m.measurement().household().incomePerPerson())
                        .mapToDouble(BigDecimal::doubleValue).average()),
                mean(measured.stream().mapToDouble(m -> m.measurement().household().receivesSocialAssistance() ? 1 : 0)
                        .average()),
                mean(parents.stream().mapToDouble(parent -> parent.employment() == Employment.EMPLOYED ? 1 : 0).average()),
                mean(measured.stream().flatMap(m -> m.measurement().members().stream())
                        .filter(member -> member.schoolAttendanceRate() != null)
                        .mapToDouble(MemberIndicators::schoolAttendanceRate).average()));
    }

    private record Measured(OutcomeDocument family, OutcomeMeasured measurement) {
    }

    /** The measurement in force at the horizon in the family's latest episode that has one. */
    private static Optional<OutcomeMeasured> latest(OutcomeDocument family, Horizon horizon) {
        return family.measurements.values().stream()
                .filter(measurement -> measurement.horizon() == horizon)
                .max(Comparator.comparing(OutcomeMeasured::episode));
    }

    private static Stream<String> keys(OutcomeDocument family, CohortGrouping groupBy) {
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

    private static Double mean(OptionalDouble average) {
        return average.isPresent() ? average.getAsDouble() : null;
    }
}
