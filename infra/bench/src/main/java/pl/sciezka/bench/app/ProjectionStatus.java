package pl.sciezka.bench.app;

import java.time.Duration;
import java.util.List;
import pl.sciezka.bench.client.Api;
import tools.jackson.databind.JsonNode;

/** The read side's progress as {@code GET /api/admin/projections} reports it, and waiting for it to catch up. */
public final class ProjectionStatus {

    private final Api api;

    public ProjectionStatus(Api api) {
        this.api = api;
    }

    public List<String> names() {
        return api.get("admin", "/api/admin/projections").expectOk().json().valueStream()
                .map(status -> status.get("name").asString()).toList();
    }

    /** Whether every projection runs, has replayed all it was reset for, and has reached the head. */
    public boolean caughtUp() {
        JsonNode statuses = api.get("admin", "/api/admin/projections").expectOk().json();
        return statuses.size() > 0 && statuses.valueStream().allMatch(status -> status.get("running").asBoolean()
                && !status.get("replaying").asBoolean() && status.get("lag").asLong() == 0
                && !status.get("inError").asBoolean());
    }

    /** Polls until {@link #caughtUp()}; answers how long it took, or fails after {@code patience}. */
    public Duration awaitCaughtUp(Duration patience) {
        long started = System.nanoTime();
        while (!caughtUp()) {
            if (System.nanoTime() - started > patience.toNanos()) {
                throw new IllegalStateException("projections did not catch up in " + patience + ": "
                        + api.get("admin", "/api/admin/projections").body());
            }
            Application.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
