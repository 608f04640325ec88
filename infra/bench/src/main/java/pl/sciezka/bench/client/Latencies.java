package pl.sciezka.bench.client;

import java.util.Arrays;
import java.util.Locale;

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
        return quantile(sorted(), q);
    }

    private long[] sorted() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return sorted;
    }

    private static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }

    public double p50() {
        return millis(0.5);
    }

    public double p99() {
        return millis(0.99);
    }

    /** "p90 a, p99 b, p99.9 c, longest d ms": the shape of the tail, which the p99 alone does not show. */
    public String tail() {
        long[] sorted = sorted();
        return String.format(Locale.ROOT, "p90 %.2f, p99 %.2f, p99.9 %.2f, longest %.2f ms",
                quantile(sorted, 0.9), quantile(sorted, 0.99), quantile(sorted, 0.999), quantile(sorted, 1.0));
    }

    /** The share of the latencies longer than {@code limitMillis}, in percent. */
    public double percentOver(double limitMillis) {
        long over = Arrays.stream(nanos, 0, count).filter(value -> value / 1e6 > limitMillis).count();
        return count == 0 ? Double.NaN : 100.0 * over / count;
    }
}
