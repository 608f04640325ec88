package pl.sciezka.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import pl.sciezka.bench.report.LoadAverage;
import pl.sciezka.bench.report.Report;

/** The machine a run measured on, and how busy it was: figures are ratios because it is shared and noisy. */
final class Machine {

    private Machine() {
    }

    static void describe(Report report, String commandLine) {
        report.preamble("## Benchmark run of " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.preamble("");
        report.preamble("- command: `infra/bench/run " + commandLine + "`");
        report.preamble("- commit: " + gitCommit());
        report.preamble("- machine: " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + memory() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        report.preamble("- load average at the start (1, 5, 15 min): " + LoadAverage.now());
    }

    static void finish(Report report) {
        report.preamble("- load average at the end: " + LoadAverage.now());
    }

    private static String cpu() {
        return firstLine(Path.of("/proc/cpuinfo"), "model name").map(line -> line.substring(line.indexOf(':') + 1).trim())
                .orElse(System.getProperty("os.arch"));
    }

    private static String memory() {
        return firstLine(Path.of("/proc/meminfo"), "MemTotal")
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB RAM").orElse("RAM unknown");
    }

    private static Optional<String> firstLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String commit = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? commit : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
