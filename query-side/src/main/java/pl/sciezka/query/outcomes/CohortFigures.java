package pl.sciezka.query.outcomes;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Decimal128;
import pl.sciezka.api.familycase.Employment;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.MemberIndicators;
import pl.sciezka.api.familycase.OutcomeMeasured;
import pl.sciezka.api.outcomes.CohortGroup;
import pl.sciezka.api.outcomes.CycleDefinition;

/**
 * What a cohort's figures are made of: counts and exact sums, never means, so figures can be added
 * and taken away family by family (a cell) or summed over every family (a scan) and give the same
 * group. Sums are decimal, so the order in which families are added changes nothing.
 */
record CohortFigures(int families, int measured, int cycleBroken, BigDecimal incomeSum, int receivingAssistance,
                     int parents, int employedParents, BigDecimal attendanceSum, int attendances) {

    static final CohortFigures NONE = new CohortFigures(0, 0, 0, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO, 0);

    /** One family's part at a horizon: counted as a family, and as measured if it has a measurement there. */
    static CohortFigures of(OutcomeDocument family, Horizon horizon, CycleDefinition definition) {
        Optional<OutcomeMeasured> latest = latest(family, horizon);
        if (latest.isEmpty()) {
            return new CohortFigures(1, 0, 0, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO, 0);
        }
        OutcomeMeasured measured = latest.get();
        var parents = measured.members().stream()
                .filter(member -> OutcomeIndicators.generationOf(family, member) == Generation.PARENT).toList();
        var attendances = measured.members().stream().map(MemberIndicators::schoolAttendanceRate)
                .filter(rate -> rate != null).toList();
        return new CohortFigures(1, 1, OutcomeIndicators.unmet(family, measured, definition).isEmpty() ? 1 : 0,
                measured.household().incomePerPerson(), measured.household().receivesSocialAssistance() ? 1 : 0,
                parents.size(), (int) parents.stream().filter(parent -> parent.employment() == Employment.EMPLOYED).count(),
                attendances.stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add), attendances.size());
    }

    /** The measurement in force at the horizon in the family's latest episode that has one. */
    private static Optional<OutcomeMeasured> latest(OutcomeDocument family, Horizon horizon) {
        return family.measurements.values().stream()
                .filter(measurement -> measurement.horizon() == horizon)
                .max(Comparator.comparing(OutcomeMeasured::episode));
    }

    /**
     * Field by field as Spring Data maps the record, sums as Decimal128, which MongoDB adds exactly: what a
     * cell's increment adds, each field under {@code figures.}.
     */
    Document bson() {
        return new Document("families", families).append("measured", measured).append("cycleBroken", cycleBroken)
                .append("incomeSum", new Decimal128(incomeSum)).append("receivingAssistance", receivingAssistance)
                .append("parents", parents).append("employedParents", employedParents)
                .append("attendanceSum", new Decimal128(attendanceSum)).append("attendances", attendances);
    }

    CohortFigures plus(CohortFigures other) {
        return new CohortFigures(families + other.families, measured + other.measured, cycleBroken + other.cycleBroken,
                incomeSum.add(other.incomeSum), receivingAssistance + other.receivingAssistance,
                parents + other.parents, employedParents + other.employedParents,
                attendanceSum.add(other.attendanceSum), attendances + other.attendances);
    }

    CohortFigures minus(CohortFigures other) {
        return plus(new CohortFigures(-other.families, -other.measured, -other.cycleBroken, other.incomeSum.negate(),
                -other.receivingAssistance, -other.parents, -other.employedParents, other.attendanceSum.negate(),
                -other.attendances));
    }

    /** Compares sums by value, so a change that nets out (1.50 against 1.5) is seen as none. */
    boolean isNone() {
        return families == 0 && measured == 0 && cycleBroken == 0 && incomeSum.signum() == 0 && receivingAssistance == 0
                && parents == 0 && employedParents == 0 && attendanceSum.signum() == 0 && attendances == 0;
    }

    CohortGroup group(String key) {
        return new CohortGroup(key, families, measured, cycleBroken, share(cycleBroken, measured),
                mean(incomeSum, measured), share(receivingAssistance, measured), share(employedParents, parents),
                mean(attendanceSum, attendances));
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Double mean(BigDecimal sum, int count) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
    }
}
