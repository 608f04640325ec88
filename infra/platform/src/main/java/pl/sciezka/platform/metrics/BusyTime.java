package pl.sciezka.platform.metrics;

import io.micrometer.core.instrument.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The time spent handling messages over a sliding window, as a share of the window: Axon's
 * {@code capacity} (1 is one thread busy all the time). Kept in sixty buckets, each a sixtieth of the
 * window, instead of one entry per message, so a busy component holds sixty numbers, not ten minutes of
 * messages; the window therefore slides a bucket at a time.
 */
final class BusyTime {

    private static final int BUCKETS = 60;

    private final long bucketNanos;
    private final long windowNanos;
    private final Clock clock;
    private final AtomicLongArray nanos = new AtomicLongArray(BUCKETS);
    /** Which bucket of all time each slot holds now, so a slot from a round before counts as empty. */
    private final AtomicLongArray epochs = new AtomicLongArray(BUCKETS);

    BusyTime(Duration window, Clock clock) {
        this.windowNanos = window.toNanos();
        this.bucketNanos = windowNanos / BUCKETS;
        this.clock = clock;
        for (int slot = 0; slot < BUCKETS; slot++) {
            epochs.set(slot, -1);
        }
    }

    void add(long busyNanos) {
        long epoch = clock.monotonicTime() / bucketNanos;
        int slot = (int) (epoch % BUCKETS);
        long held = epochs.get(slot);
        if (held != epoch && epochs.compareAndSet(slot, held, epoch)) {
            nanos.set(slot, 0); // an add racing this reset may be lost: a gauge can afford that
        }
        nanos.addAndGet(slot, busyNanos);
    }

    double share() {
        long now = clock.monotonicTime() / bucketNanos;
        long total = 0;
        for (int slot = 0; slot < BUCKETS; slot++) {
            if (now - epochs.get(slot) < BUCKETS) {
                total += nanos.get(slot);
            }
        }
        return (double) total / windowNanos;
    }
}
