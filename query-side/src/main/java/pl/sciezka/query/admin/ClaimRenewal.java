package pl.sciezka.query.admin;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews this instance's claims to rebuild (those of the pass and those waiting for the next one) on a clock
 * of its own, for as long as a pass runs ({@link OtherInstances#keepStopped}). Renewed after each batch
 * instead, a claim lapsed whenever a batch took longer than a claim lives, and one waiting for the next pass
 * lapsed after that long: another instance could then reset the read model under the pass and run a second
 * one over it, which counts the cohort cells' changes twice. If a renewal is refused all the same (another
 * instance has taken a claim over), the pass is interrupted: it stops, and what it had not finished is left
 * to the processors, as after any failed pass.
 */
final class ClaimRenewal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClaimRenewal.class);

    private final ScheduledExecutorService clock;

    private ClaimRenewal(ScheduledExecutorService clock) {
        this.clock = clock;
    }

    /** Renews the claims every {@code interval} from now until closed; a refusal interrupts {@code pass}. */
    static ClaimRenewal start(OtherInstances others, Supplier<Collection<String>> projections, Duration interval,
                              Thread pass) {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "projection-rebuild-claims");
            thread.setDaemon(true);
            return thread;
        });
        clock.scheduleAtFixedRate(() -> renew(others, projections, pass),
                interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new ClaimRenewal(clock);
    }

    private static void renew(OtherInstances others, Supplier<Collection<String>> projections, Thread pass) {
        try {
            projections.get().forEach(others::keepStopped);
        } catch (RuntimeException refused) {
            log.warn("Could not renew a claim to rebuild; stopping the pass", refused);
            pass.interrupt();
            throw refused; // no renewal after this one
        }
    }

    /**
     * Stops the renewals, waiting for one under way: a renewal that landed after the pass had given its claims
     * up would take them again, and keep the projections stopped on the other instances until it lapsed.
     */
    @Override
    public void close() {
        clock.shutdown();
        try {
            if (!clock.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("A renewal of the claims to rebuild is still under way after 30 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
