package pl.sciezka.embedded.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo cohort goes in through the public API, as the built-in users of the embedded default
 * (password = user name): every rule, every audit field and every projection sees it exactly as it
 * would see a caseworker's work.
 */
final class DemoApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    DemoApi(int port) {
        this.base = "http://localhost:" + port;
    }

    JsonNode post(String user, String path, Object body) {
        return send(user, "POST", path, body);
    }

    JsonNode put(String user, String path, Object body) {
        return send(user, "PUT", path, body);
    }

    private JsonNode send(String user, String method, String path, Object body) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", "demo-cohort")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                // the path only: the body of a refused request may carry a name
                throw new IllegalStateException("demo cohort: " + method + " " + path + " answered "
                        + response.statusCode());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("demo cohort: " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo cohort interrupted", e);
        }
    }
}
