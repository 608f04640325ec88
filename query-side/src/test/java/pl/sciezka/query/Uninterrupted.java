package pl.sciezka.query;

import java.time.Duration;

/** Waiting in tests as work already under way does (a write sent to a database): an interruption does not cut it short. */
public final class Uninterrupted {

    private Uninterrupted() {
    }

    /** Sleeps for the whole duration, interrupted or not, and leaves the thread interrupted if it was. */
    public static void sleep(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        boolean interrupted = false;
        for (long left = duration.toNanos(); left > 0; left = until - System.nanoTime()) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException interruption) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
