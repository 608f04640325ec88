package pl.sciezka.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The harness's command line: which parts to run and at what size; every option has a default for a
 * full run. {@code --app=--name=value} (repeatable) passes a setting to the application under test,
 * e.g. a tuning to compare against the defaults.
 */
record BenchOptions(Set<String> parts, Path jar, Path out, List<Integer> clients, Duration round, int rounds,
                    Duration maxWarmUp, List<Long> sizes, int samples, int openCases, int asOfEvents, int cycles,
                    int killClients, int hostile, boolean keepData, List<String> appArguments,
                    List<String> jvmOptions) {

    static final Set<String> ALL = Set.of("command", "asof", "growth", "rebuild", "kill", "hostile");

    static BenchOptions parse(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        List<String> appArguments = new ArrayList<>();
        List<String> jvmOptions = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--app=")) {
                appArguments.add(arg.substring("--app=".length()));
            } else if (arg.startsWith("--jvm=")) {
                jvmOptions.add(arg.substring("--jvm=".length()));
            } else if (arg.startsWith("--")) {
                String[] pair = arg.substring(2).split("=", 2);
                options.put(pair[0], pair.length > 1 ? pair[1] : "true");
            } else if (arg.equals("all") || ALL.contains(arg)) {
                parts.add(arg);
            } else {
                throw new IllegalArgumentException("unknown part " + arg + "; parts are all, " + ALL);
            }
        }
        return new BenchOptions(parts.isEmpty() || parts.contains("all") ? ALL : Set.copyOf(parts),
                Path.of(options.getOrDefault("jar", "infra/embedded/target/sciezka.jar")),
                Path.of(options.getOrDefault("out", "infra/bench/target/benchmarks.md")),
                numbers(options.getOrDefault("clients", "1,8")).stream().map(Long::intValue).toList(),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20"))),
                Integer.parseInt(options.getOrDefault("rounds", "3")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("max-warm-up", "120"))),
                numbers(options.getOrDefault("sizes", "10000,100000,1000000")),
                Integer.parseInt(options.getOrDefault("samples", "200")),
                Integer.parseInt(options.getOrDefault("open-cases", "30")),
                Integer.parseInt(options.getOrDefault("asof-events", "1000")),
                Integer.parseInt(options.getOrDefault("cycles", "10")),
                Integer.parseInt(options.getOrDefault("kill-clients", "8")),
                Integer.parseInt(options.getOrDefault("hostile", "3000")),
                Boolean.parseBoolean(options.getOrDefault("keep-data", "false")),
                List.copyOf(appArguments), List.copyOf(jvmOptions));
    }

    private static List<Long> numbers(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Long::parseLong).toList();
    }
}
