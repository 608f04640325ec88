package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment files of infra/deploy cannot run here (no Docker engine, no cluster), so they are
 * linted by infra/deploy/lint/run, and every metric their dashboard and alert rules query must be one
 * this application exports, so a renamed metric cannot leave a panel silently empty.
 */
class DeploymentFilesTest extends EmbeddedApplicationTest {

    private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
    private static final Path LINT = DEPLOY.resolve("lint").resolve("run");
    /** Made by Prometheus itself for each scrape, not by the application. */
    private static final List<String> MADE_BY_PROMETHEUS = List.of("up");

    @Test
    void deploymentFilesPassTheLint() throws Exception {
        Lint lint = lint(DEPLOY);

        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.output()).contains("no problems", "is valid prometheus config file syntax", "SUCCESS: 5 rules found");
    }

    @Test
    void theLintFindsBrokenFiles() throws Exception {
        Path broken = Files.createTempDirectory("sciezka-deploy");
        copy(DEPLOY, broken);
        replace(broken.resolve("kubernetes/query-side.yaml"), "containerPort: 8082", "containerPort: \"8082\"");
        replace(broken.resolve("kubernetes/command-side.yaml"), "path: /actuator/health/readiness", "path: /actuator/health");
        replace(broken.resolve("compose.yaml"), "  grafana:\n", "  dashboards:\n");
        replace(broken.resolve("grafana/dashboards/sciezka.json"), "(rate(commandBus_successCounter_total[5m]))",
                "(rate(commandBus_successCounter_total[5m])");
        replace(broken.resolve("prometheus/prometheus.yml"), "scrape_interval: 15s", "scrape_interval: often");

        Lint lint = lint(broken);

        assertThat(lint.exitCode()).isNotZero();
        assertThat(lint.output()).contains(
                "kubernetes/query-side.yaml: Deployment query-side", "containerPort must be integer",
                "kubernetes/command-side.yaml: Deployment command-side container command-side: no readiness probe",
                "compose.yaml: no service grafana",
                "grafana/dashboards/sciezka.json: panel \"Commands per second, by command\" A: PromQL syntax error");
        replace(broken.resolve("compose.yaml"), "  dashboards:\n", "  grafana:\n");
        Files.delete(broken.resolve("kubernetes/query-side.yaml"));
        Files.delete(broken.resolve("kubernetes/command-side.yaml"));
        Files.writeString(broken.resolve("grafana/dashboards/sciezka.json"), Files.readString(DEPLOY.resolve("grafana/dashboards/sciezka.json")));
        assertThat(lint(broken).output()).contains("prometheus.yml", "FAILED");
    }

    @Test
    void everyMetricTheDashboardAndAlertsQueryIsExported() throws Exception {
        api.recordDiagnosis("anna", api.openCase("anna", "Metryka"), "POVERTY");
        Lint lint = lint(DEPLOY, "--metrics");
        assertThat(lint.exitCode()).as(lint.output()).isZero();
        List<String> queried = lint.stdout().lines().filter(name -> !MADE_BY_PROMETHEUS.contains(name)).toList();
        assertThat(queried).contains("commandBus_successCounter_total", "sciezka_projection_lag_events",
                "sciezka_projection_dead_letters");

        Eventually.within(Duration.ofSeconds(30), () -> {
            List<String> exported = api.get(null, "/actuator/prometheus").expect(200).body().lines()
                    .filter(line -> !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0])
                    .distinct().toList();
            assertThat(exported).containsAll(queried);
        });
    }

    private record Lint(int exitCode, String stdout, String output) {
    }

    private static Lint lint(Path deploy, String... arguments) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("lint", ".out");
        Path stderr = Files.createTempFile("lint", ".err");
        List<String> command = Stream.concat(Stream.of(LINT.toString(), deploy.toString()), Arrays.stream(arguments)).toList();
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the lint did not finish in 10 minutes: " + Files.readString(stderr));
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        return new Lint(process.exitValue(), out, out + Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(path -> !path.startsWith(from.resolve("lint"))).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void replace(Path file, String what, String with) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as("%s holds %s", file, what).contains(what);
        Files.writeString(file, text.replace(what, with));
    }
}
