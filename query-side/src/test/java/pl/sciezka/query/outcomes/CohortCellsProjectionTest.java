package pl.sciezka.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.query.TestMongoDatabase;
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
import pl.sciezka.query.outcomes.CohortCells.CellChange;

/**
 * The cohort-cells projection against a real MongoDB wire server: every event delivered twice, and
 * a crash between cell writes followed by the same event again, leave the cells equal to a scan of
 * the same facts. The crash is a store that gives up after its first write of an event, as a process
 * killed there would; nothing else stands in for a real part.
 */
class CohortCellsProjectionTest {

    private static final Instant OPENED = Instant.parse("2025-03-01T10:00:00Z");

    private TestMongoDatabase database;
    private MongoTemplate mongo;

    @BeforeEach
    void startMongo() {
        database = new TestMongoDatabase();
        mongo = database.template();
    }

    @AfterEach
    void stopMongo() {
        database.close();
    }

    @Test
    void anEventDeliveredTwiceChangesNoCell() {
        CohortCellsProjection projection = new CohortCellsProjection(mongo, new CohortCellStore(mongo));
        for (Delivery delivery : history()) {
            delivery.to(projection);
            List<CohortCellDocument> once = mongo.findAll(CohortCellDocument.class);
            delivery.to(projection);
            assertThat(mongo.findAll(CohortCellDocument.class)).usingRecursiveFieldByFieldElementComparator()
                    .as("after %s twice", delivery.event()).isEqualTo(once);
        }
        assertCellsEqualTheScan();
        assertThat(mongo.findAll(CohortCellDocument.class)).allSatisfy(cell -> assertThat(cell.applying).isEmpty());
    }

    @Test
    void aCrashWhileAddingToCellsIsFinishedOnceWhenTheEventComesAgain() {
        CohortCellsProjection crashing = new CohortCellsProjection(mongo, new CrashingStore(mongo, true));
        CohortCellsProjection projection = new CohortCellsProjection(mongo, new CohortCellStore(mongo));
        int crashes = 0;
        for (Delivery delivery : history()) {
            try {
                delivery.to(crashing);
            } catch (Crash crash) {
                crashes++;
            }
            delivery.to(projection);
        }
        assertThat(crashes).isGreaterThan(5);
        assertCellsEqualTheScan();
    }

    @Test
    void aCrashBeforeTheTokensAreReleasedLeavesNoneBehindOnceTheCaseMovesOn() {
        CohortCellsProjection crashing = new CohortCellsProjection(mongo, new CrashingStore(mongo, false));
        CohortCellsProjection projection = new CohortCellsProjection(mongo, new CohortCellStore(mongo));
        for (Delivery delivery : history()) {
            try {
                delivery.to(crashing);
            } catch (Crash crash) {
                delivery.to(projection);
            }
        }
        assertCellsEqualTheScan();
        // the last event of each case was redelivered after its crash, which released its tokens
        assertThat(mongo.findAll(CohortCellDocument.class)).allSatisfy(cell -> assertThat(cell.applying).isEmpty());
    }

    @Test
    void eventsThatCannotChangeTheFactsTouchNothingAndRedeliveriesAroundThemCountOnce() {
        CohortCellsProjection projection = new CohortCellsProjection(mongo, new CohortCellStore(mongo));
        List<Delivery> opening = history().subList(0, 3);
        opening.forEach(delivery -> delivery.to(projection));
        CohortCaseDocument opened = mongo.findById("a", CohortCaseDocument.class);

        Delivery reopened = new Delivery(new CaseReopened("a", "nawrót", 2), 3);
        reopened.to(projection);
        assertThat(mongo.findById("a", CohortCaseDocument.class)).as("a skipped event writes nothing")
                .usingRecursiveComparison().isEqualTo(opened);
        assertThat(opened.facts.version).isEqualTo(2);

        Delivery measuredAfter = new Delivery(measured("a", "m1", 1, 0, true, 0.95, null), 4);
        measuredAfter.to(projection);
        List<CohortCellDocument> once = mongo.findAll(CohortCellDocument.class);
        // a redelivered batch: the facts' version lags behind the skipped event, but counts each event once
        for (Delivery again : List.of(opening.get(2), reopened, measuredAfter)) {
            again.to(projection);
        }
        assertThat(mongo.findAll(CohortCellDocument.class)).usingRecursiveFieldByFieldElementComparator().isEqualTo(once);
        assertThat(mongo.findById("a", CohortCaseDocument.class).facts.version).isEqualTo(4);
        assertCellsEqualTheScanOfTheirFacts();
        assertThat(new CohortCellStore(mongo).groups(CohortGrouping.DISTRICT, Horizon.FOLLOW_UP_12M, false))
                .extracting(group -> group.key() + ":" + group.families() + "/" + group.measured())
                .containsExactly("Wilchwy:1/1");
    }

    private void assertCellsEqualTheScan() {
        assertCellsEqualTheScanOfTheirFacts();
        assertThat(new CohortCellStore(mongo).groups(CohortGrouping.SERVICE_DOSE, Horizon.FOLLOW_UP_12M, false))
                .extracting(group -> group.key() + ":" + group.families() + "/" + group.measured() + "/" + group.cycleBroken())
                .containsExactly("0:1/1/0", "5-9:1/1/1");
    }

    private void assertCellsEqualTheScanOfTheirFacts() {
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

    /**
     * Case a: three generations, four services (band 1-4), followed up broken, corrected to not broken,
     * a fifth service (band 5-9), reopened and followed up broken again. Case b: a parent on assistance.
     */
    private static List<Delivery> history() {
        List<Delivery> a = new ArrayList<>(List.of(
                new Delivery(new FamilyCaseOpened("a", "A", "Wilchwy", "anna"), 0),
                new Delivery(member("a", "a-parent", Generation.PARENT), 1),
                new Delivery(member("a", "a-child", Generation.CHILD), 2),
                new Delivery(new DiagnosisRecorded("a", "d1", DiagnosisSource.TASK_TEAM, List.of(
                        new DiagnosedProblem(ProblemArea.POVERTY, List.of(), Severity.HIGH, null),
                        new DiagnosedProblem(ProblemArea.ADDICTION, List.of("a-parent"), Severity.LOW, null)), "1"), 3),
                new Delivery(member("a", "a-grandparent", Generation.GRANDPARENT), 4)));
        for (int i = 0; i < 4; i++) {
            a.add(new Delivery(delivered("a", "s" + i), 5 + i));
        }
        a.addAll(List.of(
                new Delivery(measured("a", "m1", 1, 0, true, 0.95, null), 9),
                new Delivery(measured("a", "m2", 1, 3, true, 0.95, "m1"), 10),
                new Delivery(delivered("a", "s4"), 11),
                new Delivery(new CaseReopened("a", "nawrót", 2), 12),
                new Delivery(measured("a", "m3", 2, 0, true, 0.85, null), 13)));
        List<Delivery> history = new ArrayList<>(a);
        history.addAll(List.of(
                new Delivery(new FamilyCaseOpened("b", "B", "Radlin", "bartek"), 0),
                new Delivery(member("b", "b-parent", Generation.PARENT), 1),
                new Delivery(member("b", "b-child", Generation.CHILD), 2),
                new Delivery(measured("b", "m4", 1, 6, false, 0.5, null), 3)));
        return history;
    }

    private static MemberRegistered member(String caseId, String memberId, Generation generation) {
        return new MemberRegistered(caseId, memberId, "Jan", "Nowak", generation == Generation.CHILD ? 2015 : 1980,
                generation, "r", null);
    }

    private static ServiceDelivered delivered(String caseId, String deliveryId) {
        return new ServiceDelivered(caseId, "r1", deliveryId, LocalDate.of(2025, 5, 1), BigDecimal.ONE,
                List.of(caseId + "-parent"), new BigDecimal("12.50"));
    }

    private static OutcomeMeasured measured(String caseId, String measurementId, int episode, int monthsOnAssistance,
                                            boolean parentWorks, double attendance, String corrects) {
        return new OutcomeMeasured(caseId, measurementId, episode, Horizon.FOLLOW_UP_12M, LocalDate.of(2026, 6, 1),
                new HouseholdIndicators(new BigDecimal(parentWorks ? "1800.10" : "700"), monthsOnAssistance > 0,
                        monthsOnAssistance, null),
                List.of(new MemberIndicators(caseId + "-parent", parentWorks ? Employment.EMPLOYED : Employment.UNEMPLOYED,
                                null, null, null),
                        new MemberIndicators(caseId + "-child", null, null, attendance, null)),
                corrects);
    }

    private record Delivery(FamilyCaseEvent event, long sequence) {
        void to(CohortCellsProjection projection) {
            projection.on(event, sequence, OPENED.plusSeconds(sequence));
        }
    }

    private static final class Crash extends RuntimeException {
        Crash() {
            super("the process died here");
        }
    }

    /** Gives up halfway through the cells of every change it is asked to add, or whenever it is asked to release tokens. */
    private static final class CrashingStore extends CohortCellStore {

        private final boolean whileAdding;

        CrashingStore(MongoTemplate mongo, boolean whileAdding) {
            super(mongo);
            this.whileAdding = whileAdding;
        }

        @Override
        void add(List<CellChange> changes, String token, List<CellChange> stale, String staleToken) {
            if (whileAdding && changes.size() > 1) {
                super.add(changes.subList(0, changes.size() / 2), token, stale, staleToken);
                throw new Crash();
            }
            super.add(changes, token, stale, staleToken);
        }

        @Override
        void release(List<CellChange> changes, String token) {
            if (!whileAdding) {
                throw new Crash();
            }
            super.release(changes, token);
        }
    }
}
