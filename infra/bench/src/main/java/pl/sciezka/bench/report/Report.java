package pl.sciezka.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark run found, as Markdown: per section, each figure of Ścieżka beside its baseline
 * measured in the same run, their ratio and the target it is held to; then counts and notes. A target
 * missed is reported, never thrown: targets live here and in docs/BENCHMARKS.md, not in tests.
 */
public final class Report {

    /**
     * {@code measured / baseline} held to {@code target}: at least it when {@code atLeast}, else at most it;
     * a target of NaN shows the ratio for information only; {@code load} is the machine's load average over the
     * minute before the figure was taken.
     */
    public record Ratio(String figure, double measured, double baseline, String unit, boolean atLeast, double target,
                        String load) {

        public double ratio() {
            return measured / baseline;
        }

        public boolean met() {
            return Double.isNaN(target) || (atLeast ? ratio() >= target : ratio() <= target);
        }
    }

    private record Section(String title, String baselineName, List<Ratio> ratios, List<String> lines) {
    }

    private final List<String> preamble = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    public void preamble(String line) {
        preamble.add(line);
    }

    /** Starts a section; its ratios compare against {@code baselineName}. */
    public void section(String title, String baselineName) {
        sections.add(new Section(title, baselineName, new ArrayList<>(), new ArrayList<>()));
    }

    public Ratio ratio(String figure, double measured, double baseline, String unit, boolean atLeast, double target) {
        Ratio ratio = new Ratio(figure, measured, baseline, unit, atLeast, target, LoadAverage.lastMinute());
        current().ratios().add(ratio);
        System.out.println("  " + row(ratio));
        return ratio;
    }

    /** A ratio shown beside the others, with no target. */
    public Ratio info(String figure, double measured, double baseline, String unit) {
        return ratio(figure, measured, baseline, unit, false, Double.NaN);
    }

    public void line(String text) {
        current().lines().add(text);
        System.out.println("  " + text);
    }

    public List<Ratio> ratios() {
        return sections.stream().flatMap(section -> section.ratios().stream()).toList();
    }

    public List<String> lines() {
        return sections.stream().flatMap(section -> section.lines().stream()).toList();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        preamble.forEach(line -> out.append(line).append('\n'));
        for (Section section : sections) {
            out.append("\n### ").append(section.title()).append("\n\n");
            if (!section.ratios().isEmpty()) {
                out.append("| figure | Ścieżka | ").append(section.baselineName())
                        .append(" | ratio | target | met | load |\n|---|---:|---:|---:|---|---|---:|\n");
                section.ratios().forEach(ratio -> out.append(row(ratio)).append('\n'));
                out.append('\n');
            }
            section.lines().forEach(line -> out.append("- ").append(line).append('\n'));
        }
        return out.toString();
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Section current() {
        if (sections.isEmpty()) {
            throw new IllegalStateException("start a section first");
        }
        return sections.get(sections.size() - 1);
    }

    private static String row(Ratio ratio) {
        boolean informative = Double.isNaN(ratio.target());
        return String.format(Locale.ROOT, "| %s | %s %s | %s %s | %.2f | %s | %s | %s |", ratio.figure(),
                number(ratio.measured()), ratio.unit(), number(ratio.baseline()), ratio.unit(), ratio.ratio(),
                informative ? "–" : (ratio.atLeast() ? "≥ " : "≤ ") + ratio.target(),
                informative ? "–" : ratio.met() ? "yes" : "**no**", ratio.load());
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
