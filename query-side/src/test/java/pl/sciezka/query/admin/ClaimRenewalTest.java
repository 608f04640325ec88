package pl.sciezka.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.query.Uninterrupted;

/**
 * Claims to rebuild are renewed on a clock while a pass runs, however long its batches take, and a refused
 * renewal stops the pass.
 */
class ClaimRenewalTest {

    private static final Duration OFTEN = Duration.ofMillis(20);

    /** Counts renewals per projection; refuses the one named, as another instance's claim is refused. */
    private static class Renewals implements OtherInstances {

        final Map<String, AtomicInteger> renewed = new ConcurrentHashMap<>();
        final CountDownLatch thrice;
        final String refused;

        Renewals(int projections, String refused) {
            this.thrice = new CountDownLatch(3 * projections);
            this.refused = refused;
        }

        @Override
        public void keepStopped(String projection) {
            if (projection.equals(refused)) {
                throw RejectedException.of(ProblemType.STATE_CONFLICT, "taken over");
            }
            renewed.computeIfAbsent(projection, name -> new AtomicInteger()).incrementAndGet();
            thrice.countDown();
        }

        int total() {
            return renewed.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        @Override
        public void claim(String projection) {
        }

        @Override
        public void awaitStopped(String projection) {
        }

        @Override
        public void resume(String projection) {
        }

        @Override
        public boolean leftToAnother(String projection) {
            return false;
        }
    }

    @Test
    void everyClaimUnderWayIsRenewedWhileThePassIsStuckInABatch() throws Exception {
        Renewals others = new Renewals(2, null);
        Thread pass = Thread.currentThread();

        try (ClaimRenewal renewal = ClaimRenewal.start(others, () -> List.of("caseload", "timeline"), OFTEN, pass)) {
            assertThat(others.thrice.await(10, TimeUnit.SECONDS)).as("three renewals of each").isTrue();
        }

        assertThat(others.renewed.get("caseload").get()).isGreaterThanOrEqualTo(3);
        assertThat(others.renewed.get("timeline").get()).isGreaterThanOrEqualTo(3);
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void aRefusedRenewalInterruptsThePassAndNothingIsRenewedAfterIt() throws Exception {
        Renewals others = new Renewals(1, "timeline");
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread pass = new Thread(() -> {
            try {
                new CountDownLatch(1).await(); // a batch that never ends
            } catch (InterruptedException stopped) {
                interrupted.countDown();
            }
        });
        pass.start();

        try (ClaimRenewal renewal = ClaimRenewal.start(others, () -> List.of("caseload", "timeline"), OFTEN, pass)) {
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the pass interrupted").isTrue();
            int renewedBefore = others.total();
            Thread.sleep(10 * OFTEN.toMillis());
            assertThat(others.total()).isEqualTo(renewedBefore);
        }
    }

    /** A renewal landing after the pass gave its claims up would take them again. */
    @Test
    void closingWaitsForARenewalUnderWay() throws Exception {
        CountDownLatch renewing = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        OtherInstances slow = new Renewals(1, null) {
            @Override
            public void keepStopped(String projection) {
                renewing.countDown();
                Uninterrupted.sleep(Duration.ofMillis(300));
                finished.set(true);
            }
        };
        ClaimRenewal renewal = ClaimRenewal.start(slow, () -> List.of("caseload"), OFTEN, Thread.currentThread());
        assertThat(renewing.await(10, TimeUnit.SECONDS)).isTrue();

        renewal.close();

        assertThat(finished).isTrue();
    }

    @Test
    void nothingIsRenewedOnceThePassHasEnded() throws Exception {
        Renewals others = new Renewals(1, null);
        ClaimRenewal renewal = ClaimRenewal.start(others, () -> List.of("caseload"), OFTEN, Thread.currentThread());
        assertThat(others.thrice.await(10, TimeUnit.SECONDS)).isTrue();

        renewal.close();
        int renewedAtClose = others.total();
        Thread.sleep(10 * OFTEN.toMillis());

        assertThat(others.total()).isEqualTo(renewedAtClose);
    }
}
