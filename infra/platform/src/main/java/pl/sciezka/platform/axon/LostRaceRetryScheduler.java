package pl.sciezka.platform.axon;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.annotation.Nonnull;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a command again only when it lost a race, judged on the failure as a whole.
 * <p>
 * Axon's own schedulers put their "non-transient" predicate to every exception of a failure's cause
 * chain and give up if any one says so. A lost race arrives as a ConcurrencyException wrapping the SQL
 * error that revealed it, and that SQL error, not being a concurrency exception itself, made every
 * lost race final: the loser got 409 without a single retry.
 * <p>
 * The waits double and are jittered, so two nodes that collided do not collide again in step.
 */
final class LostRaceRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(LostRaceRetryScheduler.class);

    private final ScheduledExecutorService executor;
    private final Predicate<Throwable> lostRace;
    private final int maxRetries;
    private final long firstDelayMillis;

    LostRaceRetryScheduler(ScheduledExecutorService executor, Predicate<Throwable> lostRace,
                           int maxRetries, long firstDelayMillis) {
        this.executor = executor;
        this.lostRace = lostRace;
        this.maxRetries = maxRetries;
        this.firstDelayMillis = firstDelayMillis;
    }

    @Override
    public boolean scheduleRetry(@Nonnull CommandMessage commandMessage, @Nonnull RuntimeException lastFailure,
                                 @Nonnull List<Class<? extends Throwable>[]> failures,
                                 @Nonnull Runnable commandDispatch) {
        int failed = failures.size();
        if (failed > maxRetries || !lostRace.test(lastFailure)) {
            return false;
        }
        long ceiling = firstDelayMillis << Math.min(failed - 1, 10);
        long delay = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        log.info("{} lost a race ({}); retry {} of {} in {} ms", commandMessage.getPayloadType().getSimpleName(),
                lastFailure.getMessage(), failed, maxRetries, delay);
        try {
            executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            return false;
        }
    }
}
