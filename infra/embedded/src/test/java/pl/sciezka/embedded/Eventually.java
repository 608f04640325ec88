package pl.sciezka.embedded;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for the eventually consistent read side, failing with the last assertion error. */
final class Eventually {

    private Eventually() {
    }

    static void within(Duration timeout, Runnable assertion) {
        get(timeout, () -> {
            assertion.run();
            return null;
        });
    }

    static <T> T get(Duration timeout, Supplier<T> assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return assertion.get();
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
