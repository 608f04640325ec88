package pl.sciezka.platform.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventData;

/**
 * How soon a reader that has reached the newest event fetches again. Axon's producer, which reads ahead
 * for every projection at once, fetches again as soon as a fetch found anything. Under a burst of
 * commands each fetch found one or two events, and each read the newest pages of the event table
 * anew: a fifth of everything the application allocated while its clients wrote. A reader whose last
 * fetch found the head waits out the interval since that fetch, so the next one finds the events of the
 * whole interval at once.
 * <p>
 * A fetch found the head if it came back empty or its newest event is younger than the interval and a
 * second (what waiting out the interval leaves a reader at the head behind by, with time to spare). A short
 * batch does not tell: Axon's batches are ranges of positions, and a range with gaps in it (transactions
 * rolled back) comes back short anywhere in the stream, where a reader catching up must not wait. Each
 * thread is paced on its own: a stream is read on one thread at a time.
 */
final class HeadOfStreamPacing {

    private final long intervalNanos;
    private final Duration recent;
    /** When this thread's last fetch found the head; absent if it did not. */
    private final ThreadLocal<Long> foundTheHead = new ThreadLocal<>();

    HeadOfStreamPacing(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the interval between fetches at the head cannot be negative: " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.recent = interval.plusSeconds(1);
    }

    /** Waits out what is left of the interval if this thread's last fetch found the head. */
    void awaitTurn() {
        Long last = foundTheHead.get();
        if (last == null) {
            return;
        }
        long left = intervalNanos - (System.nanoTime() - last);
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException interrupted) {
                // fetched at once, as without pacing; the reader's owner sees the interruption
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Records whether this thread's fetch found the head. */
    void fetched(List<? extends TrackedEventData<?>> events) {
        if (events.isEmpty() || events.get(events.size() - 1).getTimestamp().isAfter(Instant.now().minus(recent))) {
            foundTheHead.set(System.nanoTime());
        } else {
            foundTheHead.remove();
        }
    }
}
