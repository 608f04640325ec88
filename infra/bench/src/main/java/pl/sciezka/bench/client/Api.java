package pl.sciezka.bench.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running Ścieżka over real HTTP/1.1 with keep-alive, as one of the built-in users
 * (password = user name), timing each exchange. One instance is one client's connection: give each
 * concurrent client its own. Always 127.0.0.1: resolving localhost costs ~100 ms here.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    public Api(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** An answer and how long it took from sending the request to having read the whole body. */
    public record Response(int status, String contentType, String body, long nanos) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The first field of the answer whose name ends in "Id", as every create answers its new id. */
        public String id() {
            JsonNode json = json();
            return json.propertyStream().filter(field -> field.getKey().endsWith("Id") || field.getKey().equals("id"))
                    .map(field -> field.getValue().asString()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no id in " + body));
        }

        public Response expectOk() {
            if (!ok()) {
                throw new IllegalStateException("expected 2xx, got " + status + ": " + body);
            }
            return this;
        }
    }

    public Response get(String user, String path) {
        return send(request(user, path).GET().build());
    }

    public Response post(String user, String path, Object body) {
        return post(user, path, body, null);
    }

    /** POSTs JSON (a String is sent as it is), tagged with {@code correlationId} when not null. */
    public Response post(String user, String path, Object body, String correlationId) {
        HttpRequest.Builder request = request(user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(body), StandardCharsets.UTF_8));
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return send(request.build());
    }

    public Response put(String user, String path, Object body) {
        return send(request(user, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text(body), StandardCharsets.UTF_8)).build());
    }

    /** Sends as it is; an I/O failure (refused, reset, timed out) leaves as {@link UncheckedIOException}. */
    public Response send(HttpRequest request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), System.nanoTime() - started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A request to {@code path} as {@code user} (no credentials when null), for callers that build their own. */
    public HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (user != null) {
            builder.header("Authorization", basic(user));
        }
        return builder;
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Object body) {
        return body instanceof String raw ? raw : JSON.writeValueAsString(body);
    }
}
