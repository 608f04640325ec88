package pl.sciezka.scaleout;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Asks again until the answer holds: the views follow the events asynchronously. */
final class Eventually {

    private Eventually() {
    }

    static <T> T within(Duration limit, Callable<T> check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return check.call();
            } catch (AssertionError | RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(500);
            }
        }
    }
}
