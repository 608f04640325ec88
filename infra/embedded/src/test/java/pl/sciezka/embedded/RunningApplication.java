package pl.sciezka.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged application as a user runs it: {@code java -jar sciezka.jar} in its own process, on
 * a free port, with a data directory of the test's choosing.
 */
final class RunningApplication implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final Path log;
    private Process process;

    RunningApplication(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.port = freePort();
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-app.log");
    }

    int port() {
        return port;
    }

    /** The process id, for reading what the kernel knows of it under /proc. */
    long pid() {
        return process.pid();
    }

    /** What the application wrote to its console. */
    Path log() {
        return log;
    }

    /** Starts the jar and waits until it reports healthy; answers how long that took. */
    Duration start(String... arguments) throws IOException {
        String jar = System.getProperty("sciezka.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("sciezka.jar is not built (" + jar + "); run the integration tests through Maven");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar", jar,
                "--server.port=" + port,
                "--sciezka.data-dir=" + dataDir));
        command.addAll(TestMongo.arguments(dataDir));
        command.addAll(List.of(arguments));
        long started = System.nanoTime();
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ApiClient api = new ApiClient(port);
        Eventually.within(Duration.ofSeconds(300), () -> { // with the demo flag, ready once the cohort is loaded
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited; see " + log);
            }
            api.get(null, "/actuator/health").expect(200);
        });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already written. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
