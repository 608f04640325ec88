package pl.sciezka.scaleout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * nginx as {@code infra/proxy/start-proxy} runs it (installing it from Debian if missing), in front
 * of the given instances. If nginx cannot be had, the test fails with the script's own explanation.
 */
final class Proxy implements AutoCloseable {

    private final int port;
    private final Process process;

    private Proxy(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static Proxy start(Path dir, List<ServiceProcess> commandSide, List<ServiceProcess> querySide)
            throws IOException, InterruptedException {
        String script = System.getProperty("sciezka.proxy.script");
        int port = ServiceProcess.freePort();
        Path log = dir.resolve("start-proxy.log");
        Process process = new ProcessBuilder(script, "--port", String.valueOf(port),
                "--command", addresses(commandSide), "--query", addresses(querySide), "--dir", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos(); // apt-get may have to install it first
        while (!listening(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("nginx did not start (exit " + (process.isAlive() ? "-" : process.exitValue())
                        + "):\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return new Proxy(port, process);
    }

    int port() {
        return port;
    }

    private static String addresses(List<ServiceProcess> instances) {
        return instances.stream().map(ServiceProcess::address).collect(Collectors.joining(","));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: nginx's fast shutdown, workers included
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
