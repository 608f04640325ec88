package pl.sciezka.bench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import pl.sciezka.bench.client.Api;
import pl.sciezka.bench.extension.BenchExtension;

/**
 * The packaged application in a process of its own, as a user runs it ({@code java -jar sciezka.jar})
 * on a free port and a data directory of the caller's choosing; or, for a benchmark, the same jar with
 * the bench extension on its class path (through Spring Boot's PropertiesLauncher, which reads the
 * jar's own classes and libraries and adds {@code loader.path}). It can be stopped, or killed with
 * SIGKILL and started again on the same data.
 */
public final class Application implements AutoCloseable {

    private static final Duration STARTUP_PATIENCE = Duration.ofMinutes(4);

    private final Path jar;
    private final Path dataDir;
    private final boolean withExtension;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final Path log;
    private int port;
    private Process process;

    /**
     * @param jvmOptions for example {@code -Xmx512m}
     * @param arguments  Spring properties as {@code --name=value}, on top of port and data directory
     */
    public Application(Path jar, Path dataDir, boolean withExtension, List<String> jvmOptions, List<String> arguments) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged application " + jar + " is not built;"
                    + " run ./mvnw -pl infra/embedded -am package -DskipTests");
        }
        this.jar = jar;
        this.dataDir = dataDir;
        this.withExtension = withExtension;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-app.log");
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(port);
    }

    /** Starts the process, on a new free port, and waits until it reports healthy; answers how long that took. */
    public Duration start() {
        port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (withExtension) {
            command.addAll(List.of("-Dloader.path=" + extensionLocation(), "-cp", jar.toString(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher",
                    "--spring.main.sources=" + BenchExtension.SOURCE));
        } else {
            command.addAll(List.of("-jar", jar.toString()));
        }
        command.add("--server.port=" + port);
        command.add("--sciezka.data-dir=" + dataDir);
        command.addAll(arguments);
        long started = System.nanoTime();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        waitUntilHealthy();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * The time the application's JIT compilers have spent so far, summed over their threads (the bench
     * extension's {@code /bench/jit}); zero where the JVM does not say.
     */
    public Duration compilationTime() {
        return Duration.ofMillis(api().get("admin", "/bench/jit").expectOk().json().get("millis").asLong());
    }

    /** Bytes the application's threads have allocated so far, ended ones too (the bench extension's {@code /bench/gc}). */
    public long allocatedBytes() {
        return api().get("admin", "/bench/gc").expectOk().json().get("allocatedBytes").asLong();
    }

    /** CPU time the application's process has used so far, all threads: the work a measurement cost it. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElseThrow(
                () -> new IllegalStateException("this platform does not report a process's CPU time"));
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already written. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(60));
    }

    /** SIGTERM, as a service manager stops it, with time to shut down cleanly. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!awaitExit(Duration.ofSeconds(60))) {
                kill();
            }
        }
    }

    private void waitUntilHealthy() {
        Api api = api();
        long deadline = System.nanoTime() + STARTUP_PATIENCE.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited during startup; see " + log);
            }
            try {
                if (api.get(null, "/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYetListening) {
                // keep waiting
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the application did not become healthy in " + STARTUP_PATIENCE + "; see " + log);
            }
            sleep(250);
        }
    }

    private boolean awaitExit(Duration patience) {
        try {
            return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The jar or class directory the bench classes come from (as {@code jar:file:…!/} under Spring Boot's launcher). */
    private static Path extensionLocation() {
        String location = BenchExtension.class.getProtectionDomain().getCodeSource().getLocation().toString();
        if (location.startsWith("jar:")) {
            location = location.substring("jar:".length(), location.indexOf("!/"));
        }
        try {
            return Path.of(new URI(location));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
