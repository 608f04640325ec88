package pl.sciezka.api.familycase;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Measures outcomes at a horizon; {@code correctsMeasurementId} names a measurement this one replaces. */
public record RecordOutcomeMeasurement(@TargetAggregateIdentifier String caseId, String measurementId, Horizon horizon, LocalDate measuredOn, HouseholdIndicators household, List<MemberIndicators> members, String correctsMeasurementId) {

    public RecordOutcomeMeasurement {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
