package pl.sciezka.bench.client;

import java.util.Arrays;

/** Latencies of one kind of operation, in nanoseconds, and their percentiles. Thread-confined; merge to combine. */
public final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    public void add(long value) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = value;
    }

    public void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
    }

    public int count() {
        return count;
    }

    /** The q-quantile (0.5, 0.99 …) by the nearest-rank method, in milliseconds. */
    public double millis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }

    public double p50() {
        return millis(0.5);
    }

    public double p99() {
        return millis(0.99);
    }
}
