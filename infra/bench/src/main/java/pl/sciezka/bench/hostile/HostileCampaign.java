package pl.sciezka.bench.hostile;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import pl.sciezka.bench.client.Api;
import tools.jackson.databind.JsonNode;

/**
 * Sends hostile requests one by one and holds every answer to the contract: a 4xx (never a 5xx, never
 * a success), as an RFC 9457 problem ({@code application/problem+json} with {@code type}, {@code title}
 * and a {@code status} equal to the HTTP status), and not one event stored by it.
 */
public final class HostileCampaign {

    /** What the campaign saw: answers by status, and every request that broke the contract, with why. */
    public record Outcome(int sent, Map<Integer, Integer> byStatus, List<String> violations) {
    }

    private HostileCampaign() {
    }

    /** @param storedEvents how many events the store holds, asked before and after every request */
    public static Outcome run(Api api, List<HostileRequest> requests, LongSupplier storedEvents) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        long events = storedEvents.getAsLong();
        for (HostileRequest request : requests) {
            Api.Response response;
            try {
                response = api.send(httpRequest(api, request));
            } catch (UncheckedIOException failed) {
                violations.add(request + " → no answer: " + failed.getCause());
                continue;
            }
            byStatus.merge(response.status(), 1, Integer::sum);
            String problem = problemViolation(response);
            if (problem != null) {
                violations.add(request + " → " + problem);
            }
            long now = storedEvents.getAsLong();
            if (now != events) {
                violations.add(request + " → " + (now - events) + " event(s) stored (answer " + response.status() + ")");
                events = now;
            }
        }
        return new Outcome(requests.size(), byStatus, violations);
    }

    private static String problemViolation(Api.Response response) {
        String summary = response.status() + " " + response.contentType() + " "
                + (response.body().length() > 300 ? response.body().substring(0, 300) + "…" : response.body());
        if (response.status() < 400 || response.status() >= 500) {
            return "not a client error: " + summary;
        }
        if (response.contentType() == null || !response.contentType().startsWith("application/problem+json")) {
            return "not a problem document: " + summary;
        }
        JsonNode problem;
        try {
            problem = response.json();
        } catch (RuntimeException notJson) {
            return "problem is not JSON: " + summary;
        }
        if (!problem.path("type").isString() || problem.path("type").asString().isBlank()
                || !problem.path("title").isString() || problem.path("title").asString().isBlank()
                || problem.path("status").asInt() != response.status()) {
            return "problem without type, title or a matching status: " + summary;
        }
        return null;
    }

    private static HttpRequest httpRequest(Api api, HostileRequest request) {
        HttpRequest.BodyPublisher body = request.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = api.request(request.user(), request.path()).method(request.method(), body);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.authorization() != null) {
            builder.header("Authorization", request.authorization());
        }
        return builder.build();
    }
}
