package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running Ścieżka over real HTTP as one of the built-in users (password = user name), or,
 * under profile {@code oauth2}, with a bearer token per user.
 */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String language;
    private final Function<String, String> authorization;

    ApiClient(int port) {
        this(port, "en");
    }

    /** @param language sent as Accept-Language: labels and validation messages follow it */
    ApiClient(int port, String language) {
        this(port, language, user -> "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    private ApiClient(int port, String language, Function<String, String> authorization) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.language = language;
        this.authorization = authorization;
    }

    /** Sends {@code Authorization: Bearer <token of the user>}, the token from {@code tokens}. */
    static ApiClient withBearerTokens(int port, Function<String, String> tokens) {
        return new ApiClient(port, "en", user -> "Bearer " + tokens.apply(user));
    }

    record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }

        Response expect(int expectedStatus) {
            assertThat(status).as("HTTP status of a response with body %s", body).isEqualTo(expectedStatus);
            return this;
        }

        /** An RFC 9457 problem of this status and type ({@code precondition-failed} for urn:sciezka:problem:…). */
        Response expectProblem(int expectedStatus, String type) {
            expect(expectedStatus);
            assertThat(header("Content-Type")).startsWith("application/problem+json");
            assertThat(json().get("type").asString()).isEqualTo("urn:sciezka:problem:" + type);
            return this;
        }
    }

    Response get(String user, String path) {
        return send(request(user, path).GET().build());
    }

    /** @param headers more request headers as name, value, name, value … (Idempotency-Key, If-Match) */
    Response post(String user, String path, Object body, String... headers) {
        String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
        HttpRequest.Builder request = request(user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept-Language", language);
        if (user != null) {
            builder.header("Authorization", authorization.apply(user));
        }
        return builder;
    }

    /** Waits until every projection runs, replays nothing and has handled every stored event. */
    void awaitProjectionsCaughtUp(Duration patience) {
        Eventually.within(patience, () -> {
            JsonNode statuses = get("admin", "/api/admin/projections").expect(200).json();
            assertThat(statuses.valueStream().map(status -> status.get("name").asString()))
                    .contains("case-file", "caseload");
            statuses.valueStream().forEach(status -> {
                assertThat(status.get("running").asBoolean()).as("%s running", status).isTrue();
                assertThat(status.get("lag").asLong()).as("%s lag", status).isZero();
                assertThat(status.get("replaying").asBoolean()).as("%s replaying", status).isFalse();
            });
        });
    }

    String openCase(String user, String familyName) {
        return post(user, "/api/cases", newCase(familyName)).expect(201).json().get("caseId").asString();
    }

    String recordDiagnosis(String user, String caseId, String... areas) {
        return post(user, "/api/cases/" + caseId + "/diagnoses", diagnosis(areas))
                .expect(201).json().get("diagnosisId").asString();
    }

    /** Registers a counselling centre as admin; answers its id. */
    String registerInstitution(String name) {
        return post("admin", "/api/network/institutions", Map.of("name", name, "kind", "COUNSELLING_CENTRE"))
                .expect(201).json().get("institutionId").asString();
    }

    /** Lists an offering of 20 places as admin; answers its id. */
    String listOffering(String institutionId, String category, String name, String unit, String unitCost) {
        return post("admin", "/api/network/offerings", Map.of("institutionId", institutionId, "category", category,
                "name", name, "unit", unit, "unitCost", new BigDecimal(unitCost), "capacity", 20))
                .expect(201).json().get("offeringId").asString();
    }

    /** The body of {@code POST /api/cases} for a family in Wilchwy. */
    static Map<String, Object> newCase(String familyName) {
        return Map.of("familyName", familyName, "district", "Wilchwy");
    }

    /** The body of {@code POST /api/cases/{caseId}/diagnoses}: these areas, each severe. */
    static Map<String, Object> diagnosis(String... areas) {
        var problems = java.util.Arrays.stream(areas)
                .map(area -> Map.of("area", area, "severity", "HIGH", "memberIds", java.util.List.of()))
                .toList();
        return Map.of("source", "COMMUNITY_INTERVIEW", "problems", problems);
    }
}
