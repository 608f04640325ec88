package pl.sciezka.scaleout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The test's writes through the proxy, counted as they are acknowledged, so the event count in
 * PostgreSQL can be compared with them, and each case's coordinator remembered for the views.
 */
final class Writes {

    static final Map<String, Object> POVERTY = Map.of("source", "COMMUNITY_INTERVIEW",
            "problems", List.of(Map.of("area", "POVERTY", "severity", "HIGH", "memberIds", List.of())));

    private final Api api;
    private final AtomicLong acknowledged = new AtomicLong();
    private final Map<String, String> coordinatorOfCase = new ConcurrentHashMap<>();

    Writes(Api api) {
        this.api = api;
    }

    long acknowledged() {
        return acknowledged.get();
    }

    Map<String, String> coordinatorOfCase() {
        return coordinatorOfCase;
    }

    /** Cases opened by anna and bartek in turn, each with a parent and a child. */
    List<String> openCasesWithMembers(int count) throws Exception {
        return Concurrently.run(count, i -> {
            String coordinator = i % 2 == 0 ? "anna" : "bartek";
            String caseId = openCase(coordinator);
            registerMember(coordinator, caseId, "PARENT", 1985);
            registerMember(coordinator, caseId, "CHILD", 2015);
            return caseId;
        });
    }

    String openCase(String coordinator) {
        String caseId = acknowledge(api.post(coordinator, "/api/cases", Map.of("familyName", "Nowak", "district", "Wilchwy")))
                .json().get("caseId").asString();
        coordinatorOfCase.put(caseId, coordinator);
        return caseId;
    }

    void registerMember(String coordinator, String caseId, String generation, int birthYear) {
        acknowledge(api.post(coordinator, "/api/cases/" + caseId + "/members", Map.of("firstName", "Jan",
                "lastName", "Nowak", "birthYear", birthYear, "generation", generation, "relation", "family")));
    }

    void diagnose(String caseId) {
        acknowledge(api.post(coordinatorOfCase.get(caseId), "/api/cases/" + caseId + "/diagnoses", POVERTY));
    }

    /** Counts writes acknowledged outside these methods, e.g. the winners of a race. */
    void countAcknowledged(int writes) {
        acknowledged.addAndGet(writes);
    }

    private Api.Response acknowledge(Api.Response response) {
        response.expect(201);
        acknowledged.incrementAndGet();
        return response;
    }
}
