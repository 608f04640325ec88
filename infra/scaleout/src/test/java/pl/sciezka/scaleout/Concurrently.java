package pl.sciezka.scaleout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Tasks 0 … count-1 at once, answered in order. */
final class Concurrently {

    private Concurrently() {
    }

    static <T> List<T> run(int count, IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 8));
        try {
            List<Future<T>> futures = IntStream.range(0, count).mapToObj(i -> pool.submit(() -> task.apply(i))).toList();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
