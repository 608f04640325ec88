package pl.sciezka.query.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import pl.sciezka.api.familycase.Employment;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.MemberIndicators;
import pl.sciezka.api.familycase.OutcomeMeasured;
import pl.sciezka.api.outcomes.CycleDefinition;
import pl.sciezka.api.outcomes.GenerationIndicators;
import pl.sciezka.api.outcomes.HorizonOutcome;

/**
 * Indicators by generation and the "cycle broken" verdict, as pure functions of a measurement, so
 * the case view and the cohorts compute them the same way.
 */
final class OutcomeIndicators {

    private static final int NEET_FROM = 15;
    private static final int NEET_TO = 24;

    private OutcomeIndicators() {
    }

    static List<HorizonOutcome> horizons(OutcomeDocument outcome, CycleDefinition definition) {
        List<HorizonOutcome> horizons = new ArrayList<>();
        outcome.measurements.values().stream()
                .sorted(Comparator.comparing(OutcomeMeasured::episode).thenComparing(OutcomeMeasured::horizon))
                .forEach(measured -> horizons.add(horizon(outcome, measured, definition)));
        return horizons;
    }

    static HorizonOutcome horizon(OutcomeDocument outcome, OutcomeMeasured measured, CycleDefinition definition) {
        List<String> unmet = measured.horizon().name().startsWith("FOLLOW_UP") ? unmet(outcome, measured, definition) : null;
        return new HorizonOutcome(measured.horizon(), measured.episode(), measured.measuredOn(), measured.household(),
                byGeneration(outcome, measured), unmet == null ? null : unmet.isEmpty(), unmet);
    }

    /** The conditions of the definition a follow-up did not meet; empty means the cycle was broken. */
    static List<String> unmet(OutcomeDocument outcome, OutcomeMeasured measured, CycleDefinition definition) {
        List<String> unmet = new ArrayList<>();
        int monthsOnAssistance = measured.household().monthsOnAssistanceLast12();
        if (monthsOnAssistance > definition.maxMonthsOnAssistance()
                || (definition.maxMonthsOnAssistance() == 0 && measured.household().receivesSocialAssistance())) {
            unmet.add("received social assistance in " + monthsOnAssistance + " of the last 12 months (at most "
                    + definition.maxMonthsOnAssistance() + " allowed)");
        }
        long workingParents = measured.members().stream()
                .filter(member -> generationOf(outcome, member) == Generation.PARENT)
                .filter(member -> member.employment() == Employment.EMPLOYED)
                .count();
        if (workingParents < definition.minWorkingParents()) {
            unmet.add(workingParents + " working adult(s) of the parent generation (at least "
                    + definition.minWorkingParents() + " required)");
        }
        measured.members().stream()
                .filter(member -> member.schoolAttendanceRate() != null)
                .filter(member -> member.schoolAttendanceRate() < definition.minSchoolAttendance())
                .findFirst()
                .ifPresent(child -> unmet.add("a school-age child attends " + child.schoolAttendanceRate()
                        + " of school days (at least " + definition.minSchoolAttendance() + " required)"));
        return unmet;
    }

    static Map<Generation, GenerationIndicators> byGeneration(OutcomeDocument outcome, OutcomeMeasured measured) {
        Map<Generation, GenerationIndicators> indicators = new EnumMap<>(Generation.class);
        for (Generation generation : Generation.values()) {
            List<MemberIndicators> of = measured.members().stream()
                    .filter(member -> generationOf(outcome, member) == generation).toList();
            if (of.isEmpty()) {
                continue;
            }
            int employed = (int) of.stream().filter(member -> member.employment() == Employment.EMPLOYED).count();
            int learning = (int) of.stream().filter(member -> Boolean.TRUE.equals(member.inEducationOrTraining())).count();
            int neet = (int) of.stream().filter(member -> isNeet(outcome, member, measured)).count();
            OptionalDouble attendance = of.stream().filter(member -> member.schoolAttendanceRate() != null)
                    .mapToDouble(MemberIndicators::schoolAttendanceRate).average();
            indicators.put(generation, new GenerationIndicators(of.size(), employed, learning, neet,
                    attendance.isPresent() ? attendance.getAsDouble() : null));
        }
        return indicators;
    }

    private static boolean isNeet(OutcomeDocument outcome, MemberIndicators member, OutcomeMeasured measured) {
        OutcomeDocument.Member facts = outcome.members.get(member.memberId());
        int age = facts == null ? -1 : measured.measuredOn().getYear() - facts.birthYear();
        return age >= NEET_FROM && age <= NEET_TO && member.employment() != Employment.EMPLOYED
                && !Boolean.TRUE.equals(member.inEducationOrTraining());
    }

    static Generation generationOf(OutcomeDocument outcome, MemberIndicators member) {
        OutcomeDocument.Member facts = outcome.members.get(member.memberId());
        return facts == null ? null : facts.generation();
    }
}
