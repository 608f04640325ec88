package pl.sciezka.query.outcomes;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
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

    /** One kind of event folded into the facts. */
    private interface Fold<E extends FamilyCaseEvent> {
        void into(OutcomeDocument outcome, E event, Instant at);
    }

    /**
     * Every kind of event that changes the facts, and how: the one list both {@link #matters} and
     * {@link #apply} read, so the cohort cells can never skip an event the outcomes fold. Events are
     * records, so the class of an event is its kind.
     */
    private static final Map<Class<? extends FamilyCaseEvent>, Fold<? extends FamilyCaseEvent>> FOLDS = Map.of(
            FamilyCaseOpened.class, (Fold<FamilyCaseOpened>) (outcome, opened, at) -> {
                outcome.district = opened.district();
                outcome.coordinatorId = opened.coordinatorId();
                outcome.enrolmentYear = at.atZone(CENTRE_ZONE).getYear();
            },
            CoordinatorReassigned.class, (Fold<CoordinatorReassigned>) (outcome, reassigned, at) ->
                    outcome.coordinatorId = reassigned.coordinatorId(),
            MemberRegistered.class, (Fold<MemberRegistered>) (outcome, member, at) ->
                    outcome.members.put(member.memberId(),
                            new OutcomeDocument.Member(member.generation(), member.birthYear())),
            DiagnosisRecorded.class, (Fold<DiagnosisRecorded>) (outcome, diagnosis, at) ->
                    diagnosis.problems().stream().map(DiagnosedProblem::area).forEach(outcome.problemAreas::add),
            ServiceDelivered.class, (Fold<ServiceDelivered>) (outcome, delivered, at) -> {
                outcome.deliveries++;
                outcome.unitsDelivered = outcome.unitsDelivered.add(delivered.units());
                if (delivered.cost() != null) {
                    outcome.cost = outcome.cost.add(delivered.cost());
                }
            },
            OutcomeMeasured.class, (Fold<OutcomeMeasured>) (outcome, measured, at) -> {
                if (measured.correctsMeasurementId() != null) {
                    outcome.measurements.remove(measured.correctsMeasurementId());
                }
                outcome.measurements.put(measured.measurementId(), measured);
            });

    /** Whether {@link #apply} changes anything for this kind of event: the cohort cells skip the rest unread. */
    static boolean matters(FamilyCaseEvent event) {
        return FOLDS.containsKey(event.getClass());
    }

    @SuppressWarnings("unchecked")
    static void apply(OutcomeDocument outcome, FamilyCaseEvent event, Instant at) {
        Fold<FamilyCaseEvent> fold = (Fold<FamilyCaseEvent>) FOLDS.get(event.getClass());
        if (fold != null) {
            fold.into(outcome, event, at);
        }
    }
}
