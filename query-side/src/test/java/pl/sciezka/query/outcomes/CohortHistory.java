package pl.sciezka.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.api.familycase.CaseReopened;
import pl.sciezka.api.familycase.DiagnosedProblem;
import pl.sciezka.api.familycase.DiagnosisRecorded;
import pl.sciezka.api.familycase.DiagnosisSource;
import pl.sciezka.api.familycase.Employment;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.HouseholdIndicators;
import pl.sciezka.api.familycase.MemberIndicators;
import pl.sciezka.api.familycase.MemberRegistered;
import pl.sciezka.api.familycase.OutcomeMeasured;
import pl.sciezka.api.familycase.ProblemArea;
import pl.sciezka.api.familycase.ServiceDelivered;
import pl.sciezka.api.familycase.Severity;
import pl.sciezka.api.outcomes.CohortGrouping;
import pl.sciezka.api.outcomes.CycleDefinition;

/** Families whose outcomes move them between cohort cells, and the check that cells equal a scan of facts. */
final class CohortHistory {

    static final Instant OPENED = Instant.parse("2025-03-01T10:00:00Z");

    private CohortHistory() {
    }

    record Delivery(FamilyCaseEvent event, long sequence) {

        void to(CohortCellsProjection projection) {
            projection.on(event, sequence, at());
        }

        DomainEventMessage<?> message() {
            return new GenericDomainEventMessage<>("FamilyCase", event.caseId(), sequence, event, MetaData.emptyInstance(),
                    event.caseId() + "#" + sequence, at());
        }

        private Instant at() {
            return OPENED.plusSeconds(sequence);
        }
    }

    /**
     * Three generations, four services (band 1-4), followed up broken, corrected to not broken, a fifth
     * service (band 5-9), reopened and followed up broken again.
     */
    static List<Delivery> threeGenerations(String caseId, String district) {
        List<Delivery> history = new ArrayList<>(List.of(
                new Delivery(new FamilyCaseOpened(caseId, "A", district, "anna"), 0),
                new Delivery(member(caseId, caseId + "-parent", Generation.PARENT), 1),
                new Delivery(member(caseId, caseId + "-child", Generation.CHILD), 2),
                new Delivery(new DiagnosisRecorded(caseId, "d1", DiagnosisSource.TASK_TEAM, List.of(
                        new DiagnosedProblem(ProblemArea.POVERTY, List.of(), Severity.HIGH, null),
                        new DiagnosedProblem(ProblemArea.ADDICTION, List.of(caseId + "-parent"), Severity.LOW, null)), "1"), 3),
                new Delivery(member(caseId, caseId + "-grandparent", Generation.GRANDPARENT), 4)));
        for (int i = 0; i < 4; i++) {
            history.add(new Delivery(delivered(caseId, "s" + i), 5 + i));
        }
        history.addAll(List.of(
                new Delivery(measured(caseId, "m1", 1, 0, true, 0.95, null), 9),
                new Delivery(measured(caseId, "m2", 1, 3, true, 0.95, "m1"), 10),
                new Delivery(delivered(caseId, "s4"), 11),
                new Delivery(new CaseReopened(caseId, "nawrót", 2), 12),
                new Delivery(measured(caseId, "m3", 2, 0, true, 0.85, null), 13)));
        return history;
    }

    /** A parent on assistance, followed up as not broken. */
    static List<Delivery> parentOnAssistance(String caseId, String district) {
        return List.of(
                new Delivery(new FamilyCaseOpened(caseId, "B", district, "bartek"), 0),
                new Delivery(member(caseId, caseId + "-parent", Generation.PARENT), 1),
                new Delivery(member(caseId, caseId + "-child", Generation.CHILD), 2),
                new Delivery(measured(caseId, "m4", 1, 6, false, 0.5, null), 3));
    }

    static MemberRegistered member(String caseId, String memberId, Generation generation) {
        return new MemberRegistered(caseId, memberId, "Jan", "Nowak", generation == Generation.CHILD ? 2015 : 1980,
                generation, "r", null);
    }

    static ServiceDelivered delivered(String caseId, String deliveryId) {
        return new ServiceDelivered(caseId, "r1", deliveryId, LocalDate.of(2025, 5, 1), BigDecimal.ONE,
                List.of(caseId + "-parent"), new BigDecimal("12.50"));
    }

    static OutcomeMeasured measured(String caseId, String measurementId, int episode, int monthsOnAssistance,
                                    boolean parentWorks, double attendance, String corrects) {
        return new OutcomeMeasured(caseId, measurementId, episode, Horizon.FOLLOW_UP_12M, LocalDate.of(2026, 6, 1),
                new HouseholdIndicators(new BigDecimal(parentWorks ? "1800.10" : "700"), monthsOnAssistance > 0,
                        monthsOnAssistance, null),
                List.of(new MemberIndicators(caseId + "-parent", parentWorks ? Employment.EMPLOYED : Employment.UNEMPLOYED,
                                null, null, null),
                        new MemberIndicators(caseId + "-child", null, null, attendance, null)),
                corrects);
    }

    /** Every answer the cells give equals the one computed from the stored facts of every case. */
    static void assertCellsEqualTheScanOfTheirFacts(MongoTemplate mongo) {
        List<OutcomeDocument> families = mongo.findAll(CohortCaseDocument.class).stream().map(kase -> kase.facts).toList();
        CohortCellStore cells = new CohortCellStore(mongo);
        for (CohortGrouping groupBy : CohortGrouping.values()) {
            for (Horizon horizon : Horizon.values()) {
                for (boolean threeGenerations : List.of(false, true)) {
                    assertThat(cells.groups(groupBy, horizon, threeGenerations))
                            .as("%s at %s, three generations only: %s", groupBy, horizon, threeGenerations)
                            .isEqualTo(CohortCalculation.groups(families, groupBy, horizon, CycleDefinition.DEFAULT,
                                    threeGenerations));
                }
            }
        }
    }
}
