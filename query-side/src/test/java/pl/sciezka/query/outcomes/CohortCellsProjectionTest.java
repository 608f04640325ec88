package pl.sciezka.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.query.TestMongoDatabase;
import pl.sciezka.api.familycase.CaseReopened;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.outcomes.CohortGrouping;
import pl.sciezka.query.outcomes.CohortHistory.Delivery;

/**
 * The cohort-cells projection against a real MongoDB wire server: every event delivered twice, and
 * a crash between cell writes followed by the same event again, leave the cells equal to a scan of
 * the same facts. The crash is a store that gives up after its first write of an event, as a process
 * killed there would; nothing else stands in for a real part.
 */
class CohortCellsProjectionTest {

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
        // a case keeps the cells of its last changes by id, which is all their release needs, not the changes
        assertThat(mongo.getCollection("cohort_cases").find().into(new ArrayList<>())).isNotEmpty().allSatisfy(kase -> {
            assertThat(kase).doesNotContainKey("releasing");
            assertThat(kase.getList("releasingCells", String.class)).isNotEmpty()
                    .allSatisfy(cellId -> assertThat(mongo.findById(cellId, CohortCellDocument.class)).isNotNull());
        });
    }

    @Test
    void aCrashWhileAddingToCellsIsFinishedOnceWhenTheEventComesAgain() {
        CohortCellsProjection crashing = new CohortCellsProjection(mongo, new CrashingCellStore(mongo, true));
        CohortCellsProjection projection = new CohortCellsProjection(mongo, new CohortCellStore(mongo));
        int crashes = 0;
        for (Delivery delivery : history()) {
            try {
                delivery.to(crashing);
            } catch (CrashingCellStore.Crash crash) {
                crashes++;
            }
            delivery.to(projection);
        }
        assertThat(crashes).isGreaterThan(5);
        assertCellsEqualTheScan();
    }

    @Test
    void aCrashBeforeTheTokensAreReleasedLeavesNoneBehindOnceTheCaseMovesOn() {
        CohortCellsProjection crashing = new CohortCellsProjection(mongo, new CrashingCellStore(mongo, false));
        CohortCellsProjection projection = new CohortCellsProjection(mongo, new CohortCellStore(mongo));
        for (Delivery delivery : history()) {
            try {
                delivery.to(crashing);
            } catch (CrashingCellStore.Crash crash) {
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

        Delivery measuredAfter = new Delivery(CohortHistory.measured("a", "m1", 1, 0, true, 0.95, null), 4);
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
        CohortHistory.assertCellsEqualTheScanOfTheirFacts(mongo);
    }

    /** Case a: {@link CohortHistory#threeGenerations}; case b: {@link CohortHistory#parentOnAssistance}. */
    private static List<Delivery> history() {
        List<Delivery> history = new ArrayList<>(CohortHistory.threeGenerations("a", "Wilchwy"));
        history.addAll(CohortHistory.parentOnAssistance("b", "Radlin"));
        return history;
    }
}
