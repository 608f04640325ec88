package pl.sciezka.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the embedded default's files take on disk at the end of the benchmarks, per stored event: H2 keeps
 * old chunks for a while and rewrites sparse ones only as fast as its compaction goes, so the files can
 * grow far beyond their data (docs/BENCHMARKS.md, ninth round).
 */
public final class DataFiles {

    private DataFiles() {
    }

    public static void describe(Path dataDir, long events, Report report) {
        long eventFile = size(dataDir.resolve("events.mv.db"));
        long readModels = size(dataDir.resolve("readmodels.mv"));
        report.section("Files of the embedded default at the end", "");
        report.line(String.format(Locale.ROOT, "event store %,d MB for %,d events (%.1f KB per event); read models %,d MB",
                eventFile >> 20, events, eventFile / 1024.0 / Math.max(1, events), readModels >> 20));
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
