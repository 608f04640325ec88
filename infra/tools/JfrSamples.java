import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a recording's samples add up to over the window in which threads named with a prefix were sampled, e.g.
 * a rebuild's pass: by thread, by the method on top of the stack, and by every method on the stack whose name
 * matches a pattern (and for allocation, by class). A recording with allocation samples (async-profiler's
 * {@code event=alloc,jfr} or the JDK's own) counts each with its weight, the TLAB or object size it stands for,
 * so the figures estimate bytes; one without counts its CPU samples ({@code event=cpu} or {@code itimer}).
 * <p>
 * {@code java JfrSamples.java RECORDING [window thread prefix] [threads to break down, a regex] [methods, a regex]}
 */
public final class JfrSamples {

    private static final int ROWS = 40;

    public static void main(String[] args) throws Exception {
        Path recording = Path.of(args[0]);
        String windowThreads = args.length > 1 ? args[1] : "";
        String breakDown = args.length > 2 ? args[2] : ".*";
        String methods = args.length > 3 ? args[3] : ".*(sciezka|bwaldvogel|springframework\\.data|mongodb|bson|axonframework|h2).*";
        Window window = window(recording, windowThreads);
        boolean allocation = window.allocation();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> classes = new HashMap<>();
        Map<String, Long> allocating = new HashMap<>();
        Map<String, Long> onStack = new HashMap<>();
        long all = 0;
        long selected = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent sample = file.readEvent();
                if (!isCounted(sample, allocation) || sample.getStartTime().isBefore(window.from())
                        || sample.getStartTime().isAfter(window.to())) {
                    continue;
                }
                long count = allocation ? weight(sample) : 1;
                String thread = threadName(sample).replaceAll("\\d+", "#");
                all += count;
                threads.merge(thread, count, Long::sum);
                if (!thread.matches(breakDown)) {
                    continue;
                }
                selected += count;
                if (allocation) {
                    classes.merge(sample.getClass("objectClass").getName(), count, Long::sum);
                }
                List<RecordedFrame> frames = sample.getStackTrace() == null ? List.of() : sample.getStackTrace().getFrames();
                Set<String> counted = new HashSet<>();
                for (int i = 0; i < frames.size(); i++) {
                    String method = frames.get(i).getMethod().getType().getName() + "." + frames.get(i).getMethod().getName();
                    if (i == 0) {
                        allocating.merge(method, count, Long::sum);
                    }
                    if (method.matches(methods) && counted.add(method)) {
                        onStack.merge(method, count, Long::sum);
                    }
                }
            }
        }
        double unit = allocation ? 1e6 : 1;
        String units = allocation ? "MB allocated" : "CPU samples";
        System.out.printf("window %s – %s: %.0f %s, %.0f by threads matching %s%n",
                window.from(), window.to(), all / unit, units, selected / unit, breakDown);
        print("by thread (digits as #)", threads, all, unit);
        if (allocation) {
            print("by class", classes, selected, unit);
        }
        print(allocation ? "by allocating method" : "by method on top of the stack", allocating, selected, unit);
        print("by method on the stack matching " + methods, onStack, selected, unit);
    }

    /** Which samples the recording holds (allocation ones if any, else CPU ones), and over which window they count. */
    private record Window(boolean allocation, Instant from, Instant to) {
    }

    /**
     * From the first to the last sample of threads named with the prefix (the whole recording if none is given), of
     * allocation samples if the recording has any, else of CPU samples: one pass over the recording for both.
     */
    private static Window window(Path recording, String prefix) throws Exception {
        Instant[] allocations = {Instant.MAX, Instant.MIN};
        Instant[] cpu = {Instant.MAX, Instant.MIN};
        boolean anyAllocation = false;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent sample = file.readEvent();
                anyAllocation |= isAllocation(sample);
                if (threadName(sample).startsWith(prefix)) {
                    if (isAllocation(sample)) {
                        widen(allocations, sample.getStartTime());
                    } else if (isCounted(sample, false)) {
                        widen(cpu, sample.getStartTime());
                    }
                }
            }
        }
        Instant[] chosen = anyAllocation ? allocations : cpu;
        if (chosen[0] == Instant.MAX) {
            throw new IllegalArgumentException("no sample of a thread named " + prefix + "… in " + recording);
        }
        return new Window(anyAllocation, chosen[0], chosen[1]);
    }

    private static void widen(Instant[] window, Instant at) {
        window[0] = at.isBefore(window[0]) ? at : window[0];
        window[1] = at.isAfter(window[1]) ? at : window[1];
    }

    private static boolean isCounted(RecordedEvent event, boolean allocation) {
        return allocation ? isAllocation(event) : event.getEventType().getName().equals("jdk.ExecutionSample");
    }

    private static boolean isAllocation(RecordedEvent event) {
        return event.getEventType().getName().startsWith("jdk.ObjectAllocation");
    }

    private static long weight(RecordedEvent sample) {
        return sample.hasField("tlabSize") ? sample.getLong("tlabSize")
                : sample.hasField("weight") ? sample.getLong("weight") : sample.getLong("allocationSize");
    }

    private static String threadName(RecordedEvent sample) {
        // a CPU sample names the thread it sampled, not the one that wrote it
        RecordedThread thread = sample.hasField("sampledThread") ? sample.getThread("sampledThread") : sample.getThread();
        return thread == null ? "?" : thread.getJavaName() != null ? thread.getJavaName() : String.valueOf(thread.getOSName());
    }

    private static void print(String title, Map<String, Long> counts, long whole, double unit) {
        System.out.println("--- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(ROWS)
                .forEach(row -> System.out.printf("%5.1f %% %9.0f  %s%n", 100.0 * row.getValue() / whole,
                        row.getValue() / unit, row.getKey()));
    }
}
