package pl.sciezka.api.familycase;

import java.time.LocalDate;
import java.util.List;

/** Outcomes measured at a horizon, in the given episode of support. */
public record OutcomeMeasured(String caseId, String measurementId, int episode, Horizon horizon, LocalDate measuredOn, HouseholdIndicators household, List<MemberIndicators> members, String correctsMeasurementId) implements FamilyCaseEvent {

    public OutcomeMeasured {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
