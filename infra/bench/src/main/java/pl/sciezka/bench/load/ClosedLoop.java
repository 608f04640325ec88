package pl.sciezka.bench.load;

import static pl.sciezka.bench.load.SyntheticData.COORDINATORS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import pl.sciezka.bench.client.Api;
import pl.sciezka.bench.client.Latencies;

/**
 * {@code clients} concurrent clients, each on its own connection, running {@link FamilyJourney}s back
 * to back for a fixed time (a closed loop: each sends its next write when the last is answered).
 * Families go round the twenty caseworkers of {@link SyntheticData#COORDINATORS}: with two, each had
 * thousands of open cases after a run, and the views of one caseworker grew with the run's length.
 */
public final class ClosedLoop {

    /** What one run measured: writes answered 2xx within the time, and their latencies by kind of write. */
    public record Result(long writes, Map<String, Latencies> byKind) {
    }

    private ClosedLoop() {
    }

    public static Result run(int port, FamilyJourney.Target target, int clients, Duration duration, String offeringId) {
        List<Map<String, Latencies>> perClientByKind = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] deadline = new long[1];
        for (int client = 0; client < clients; client++) {
            Map<String, Latencies> byKind = new TreeMap<>();
            perClientByKind.add(byKind);
            int first = client;
            String name = "bench-client-" + client;
            Thread thread = new Thread(() -> {
                Api api = new Api(port);
                FamilyJourney.Listener timing = (write, response) -> {
                    if (response != null && response.ok() && System.nanoTime() < deadline[0]) {
                        byKind.computeIfAbsent(write.kind(), kind -> new Latencies()).add(response.nanos());
                    }
                    if (System.nanoTime() >= deadline[0]) {
                        throw new TimeUp();
                    }
                };
                ready.countDown();
                try {
                    go.await();
                    for (int family = 0; ; family++) {
                        String coordinator = COORDINATORS.get((first + family * clients) % COORDINATORS.size());
                        new FamilyJourney(api, target, coordinator, offeringId, false, timing)
                                .run("Rodzina " + name + "-" + family);
                    }
                } catch (TimeUp expected) {
                    // the time is over
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, name);
            threads.add(thread);
            thread.start();
        }
        try {
            ready.await();
            long started = System.nanoTime();
            deadline[0] = started + duration.toNanos();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a client failed", failure.get());
        }
        Map<String, Latencies> allByKind = new TreeMap<>();
        perClientByKind.forEach(byKind -> mergeInto(allByKind, byKind));
        return new Result(all(allByKind).count(), allByKind);
    }

    /** The latencies of every kind of write together. */
    public static Latencies all(Map<String, Latencies> byKind) {
        Latencies all = new Latencies();
        byKind.values().forEach(all::addAll);
        return all;
    }

    /** Adds each kind's latencies to those of the same kind in {@code into}. */
    public static void mergeInto(Map<String, Latencies> into, Map<String, Latencies> from) {
        from.forEach((kind, latencies) -> into.computeIfAbsent(kind, k -> new Latencies()).addAll(latencies));
    }

    private static final class TimeUp extends RuntimeException {
        TimeUp() {
            super(null, null, false, false);
        }
    }
}
