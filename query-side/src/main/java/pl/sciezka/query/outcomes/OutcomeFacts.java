package pl.sciezka.query.outcomes;

import java.time.Instant;
import java.time.ZoneId;
import pl.sciezka.api.familycase.CoordinatorReassigned;
import pl.sciezka.api.familycase.DiagnosedProblem;
import pl.sciezka.api.familycase.DiagnosisRecorded;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.api.familycase.MemberRegistered;
import pl.sciezka.api.familycase.OutcomeMeasured;
import pl.sciezka.api.familycase.ServiceDelivered;

/**
 * How one event changes a case's outcome facts. Both the outcomes view and the cohort cells fold
 * the events with it, so a cell always counts a family exactly as the scan of the outcomes does.
 */
final class OutcomeFacts {

    private static final ZoneId CENTRE_ZONE = ZoneId.of("Europe/Warsaw");

    private OutcomeFacts() {
    }

    /**
     * Whether {@link #apply} changes anything for this kind of event: the cohort cells skip the rest before
     * reading the case. Keep it in step with {@code apply}.
     */
    static boolean matters(FamilyCaseEvent event) {
        return event instanceof FamilyCaseOpened || event instanceof CoordinatorReassigned
                || event instanceof MemberRegistered || event instanceof DiagnosisRecorded
                || event instanceof ServiceDelivered || event instanceof OutcomeMeasured;
    }

    static void apply(OutcomeDocument outcome, FamilyCaseEvent event, Instant at) {
        if (event instanceof FamilyCaseOpened opened) {
            outcome.district = opened.district();
            outcome.coordinatorId = opened.coordinatorId();
            outcome.enrolmentYear = at.atZone(CENTRE_ZONE).getYear();
        } else if (event instanceof CoordinatorReassigned reassigned) {
            outcome.coordinatorId = reassigned.coordinatorId();
        } else if (event instanceof MemberRegistered member) {
            outcome.members.put(member.memberId(), new OutcomeDocument.Member(member.generation(), member.birthYear()));
        } else if (event instanceof DiagnosisRecorded diagnosis) {
            diagnosis.problems().stream().map(DiagnosedProblem::area).forEach(outcome.problemAreas::add);
        } else if (event instanceof ServiceDelivered delivered) {
            outcome.deliveries++;
            outcome.unitsDelivered = outcome.unitsDelivered.add(delivered.units());
            if (delivered.cost() != null) {
                outcome.cost = outcome.cost.add(delivered.cost());
            }
        } else if (event instanceof OutcomeMeasured measured) {
            if (measured.correctsMeasurementId() != null) {
                outcome.measurements.remove(measured.correctsMeasurementId());
            }
            outcome.measurements.put(measured.measurementId(), measured);
        }
    }
}
