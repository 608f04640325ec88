package pl.sciezka.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** How busy the machine is: the load averages over 1, 5 and 15 minutes, beside every figure of a shared machine. */
public final class LoadAverage {

    private LoadAverage() {
    }

    /** "1.20, 0.90, 0.70", or "unknown" where the system does not say. */
    public static String now() {
        try {
            List<String> fields = List.of(Files.readString(Path.of("/proc/loadavg")).trim().split(" "));
            return String.join(", ", fields.subList(0, 3));
        } catch (IOException | RuntimeException unknown) {
            return "unknown";
        }
    }

    /** The load average over the last minute alone. */
    static String lastMinute() {
        return now().split(",")[0];
    }
}
