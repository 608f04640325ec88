package pl.sciezka.query.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Criteria;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.query.TestMongoDatabase;

/** Of two query-side instances asked to rebuild one projection, only one may: the other is refused until it is done. */
class SharedRebuildsTest {

    @AutoClose
    private final TestMongoDatabase database = new TestMongoDatabase();
    private final MongoTemplate mongo = database.template();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final SharedRebuilds first = new SharedRebuilds(mongo, tokens, new QueryInstances(mongo));
    private final SharedRebuilds second = new SharedRebuilds(mongo, tokens, new QueryInstances(mongo));

    @Test
    void aClaimedProjectionIsRefusedToAnotherInstanceUntilResumedAndRenewedByItsOwn() {
        first.claim("caseload");

        assertThatThrownBy(() -> second.claim("caseload")).isInstanceOfSatisfying(RejectedException.class,
                refused -> assertThat(refused.rejection().type()).isEqualTo(ProblemType.STATE_CONFLICT));
        second.claim("timeline");
        first.keepStopped("caseload");
        first.resume("caseload");
        second.claim("caseload");
        assertThatThrownBy(() -> first.claim("caseload")).isInstanceOf(RejectedException.class);
    }

    @Test
    void aClaimWhoseInstanceStoppedRenewingItIsTakenOver() {
        mongo.save(new Document("_id", "caseload").append("by", "a-dead-instance")
                .append("at", Date.from(Instant.now().minus(Duration.ofMinutes(3)))), "projection_rebuilds");

        second.claim("caseload");

        assertThat(mongo.findById("caseload", Document.class, "projection_rebuilds").getDate("at"))
                .isAfter(Date.from(Instant.now().minus(Duration.ofMinutes(1))));
        assertThatThrownBy(() -> first.claim("caseload")).isInstanceOf(RejectedException.class);
    }

    /** The pass that lost its claim ends, and must not start the projection under the other instance's pass. */
    @Test
    void aProjectionWhoseClaimAnotherInstanceTookOverIsLeftToItUntilItsRebuildIsDone() {
        first.claim("caseload");
        mongo.updateFirst(Query.query(Criteria.where("_id").is("caseload")),
                Update.update("at", Date.from(Instant.now().minus(Duration.ofMinutes(3)))), "projection_rebuilds");
        second.claim("caseload"); // the first could not renew it for three minutes

        assertThat(first.leftToAnother("caseload")).isTrue();
        assertThat(first.stoppedForOthers).containsExactly("caseload");
        assertThat(second.leftToAnother("caseload")).as("its own claim").isFalse();
        assertThat(first.leftToAnother("timeline")).as("nobody's").isFalse();

        second.resume("caseload");

        assertThat(first.leftToAnother("caseload")).isFalse();
    }

    /** What a cut-short rebuild's mark leaves to be taken over: nothing another live instance rebuilds. */
    @Test
    void onlyProjectionsNoOtherLiveInstanceRebuildsAreLeftToBeTakenOver() {
        first.claim("caseload");
        first.claim("timeline");
        mongo.updateFirst(Query.query(Criteria.where("_id").is("timeline")),
                Update.update("at", Date.from(Instant.now().minus(Duration.ofMinutes(3)))), "projection_rebuilds");
        second.claim("outcomes");

        assertThat(second.notRebuiltByAnother(Set.of("caseload", "timeline", "outcomes", "case-file")))
                .as("the first's live claim excluded; its abandoned one, the second's own and an unclaimed one left")
                .containsExactlyInAnyOrder("timeline", "outcomes", "case-file");
    }

    @Test
    void twoInstancesClaimingAtOnceNeverBothHaveIt() {
        for (int round = 0; round < 40; round++) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<SharedRebuilds>> claims = new ArrayList<>();
            for (SharedRebuilds instance : List.of(first, second)) {
                claims.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    try {
                        instance.claim("cohort-cells");
                        return instance;
                    } catch (RejectedException refused) {
                        return null;
                    }
                }));
            }
            start.countDown();
            List<SharedRebuilds> winners = claims.stream().map(CompletableFuture::join).filter(w -> w != null).toList();
            assertThat(winners).as("round " + round).hasSize(1);
            winners.get(0).resume("cohort-cells");
        }
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
