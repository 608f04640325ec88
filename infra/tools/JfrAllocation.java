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
 * What a recording's allocation samples add up to (async-profiler's {@code event=alloc,jfr} or the JDK's own),
 * over the window in which threads named with a prefix allocated, e.g. a rebuild's pass: by thread, by class,
 * by the allocating method, and by every method on the stack whose name matches a pattern. Each sample counts
 * with its weight (the TLAB or object size it stands for), so the figures estimate bytes.
 * <p>
 * {@code java JfrAllocation.java RECORDING [window thread prefix] [threads to break down, a regex] [methods, a regex]}
 */
public final class JfrAllocation {

    private static final int ROWS = 40;

    public static void main(String[] args) throws Exception {
        Path recording = Path.of(args[0]);
        String windowThreads = args.length > 1 ? args[1] : "";
        String breakDown = args.length > 2 ? args[2] : ".*";
        String methods = args.length > 3 ? args[3] : ".*(sciezka|bwaldvogel|springframework\\.data|mongodb|bson|axonframework|h2).*";
        Instant[] window = window(recording, windowThreads);
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> classes = new HashMap<>();
        Map<String, Long> allocating = new HashMap<>();
        Map<String, Long> onStack = new HashMap<>();
        long all = 0;
        long selected = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent sample = file.readEvent();
                if (!isAllocation(sample) || sample.getStartTime().isBefore(window[0]) || sample.getStartTime().isAfter(window[1])) {
                    continue;
                }
                long bytes = weight(sample);
                String thread = threadName(sample).replaceAll("\\d+", "#");
                all += bytes;
                threads.merge(thread, bytes, Long::sum);
                if (!thread.matches(breakDown)) {
                    continue;
                }
                selected += bytes;
                classes.merge(sample.getClass("objectClass").getName(), bytes, Long::sum);
                List<RecordedFrame> frames = sample.getStackTrace() == null ? List.of() : sample.getStackTrace().getFrames();
                Set<String> counted = new HashSet<>();
                for (int i = 0; i < frames.size(); i++) {
                    String method = frames.get(i).getMethod().getType().getName() + "." + frames.get(i).getMethod().getName();
                    if (i == 0) {
                        allocating.merge(method, bytes, Long::sum);
                    }
                    if (method.matches(methods) && counted.add(method)) {
                        onStack.merge(method, bytes, Long::sum);
                    }
                }
            }
        }
        System.out.printf("window %s – %s: %.0f MB allocated, %.0f MB by threads matching %s%n",
                window[0], window[1], all / 1e6, selected / 1e6, breakDown);
        print("by thread (digits as #)", threads, all);
        print("by class", classes, selected);
        print("by allocating method", allocating, selected);
        print("by method on the stack matching " + methods, onStack, selected);
    }

    /** From the first to the last allocation of threads named with the prefix (the whole recording if none is given). */
    private static Instant[] window(Path recording, String prefix) throws Exception {
        Instant from = Instant.MAX;
        Instant to = Instant.MIN;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent sample = file.readEvent();
                if (isAllocation(sample) && threadName(sample).startsWith(prefix)) {
                    from = sample.getStartTime().isBefore(from) ? sample.getStartTime() : from;
                    to = sample.getStartTime().isAfter(to) ? sample.getStartTime() : to;
                }
            }
        }
        if (from == Instant.MAX) {
            throw new IllegalArgumentException("no allocation sample of a thread named " + prefix + "… in " + recording);
        }
        return new Instant[] {from, to};
    }

    private static boolean isAllocation(RecordedEvent event) {
        return event.getEventType().getName().startsWith("jdk.ObjectAllocation");
    }

    private static long weight(RecordedEvent sample) {
        return sample.hasField("tlabSize") ? sample.getLong("tlabSize")
                : sample.hasField("weight") ? sample.getLong("weight") : sample.getLong("allocationSize");
    }

    private static String threadName(RecordedEvent sample) {
        RecordedThread thread = sample.getThread();
        return thread == null ? "?" : thread.getJavaName() != null ? thread.getJavaName() : String.valueOf(thread.getOSName());
    }

    private static void print(String title, Map<String, Long> bytes, long whole) {
        System.out.println("--- " + title);
        bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(ROWS)
                .forEach(row -> System.out.printf("%5.1f %% %9.0f MB  %s%n", 100.0 * row.getValue() / whole,
                        row.getValue() / 1e6, row.getKey()));
    }
}
