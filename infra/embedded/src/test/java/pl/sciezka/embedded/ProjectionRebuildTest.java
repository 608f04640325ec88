package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** Every read model can be thrown away and rebuilt from the events, and then equals the live one. */
class ProjectionRebuildTest extends EmbeddedApplicationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MongoTemplate mongo;

    @Test
    void rebuiltViewsEqualTheLiveOnes() {
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String coordinator = i % 2 == 0 ? "anna" : "bartek";
            String caseId = api.openCase(coordinator, "Rodzina " + i);
            caseIds.add(caseId);
            if (i % 3 != 0) {
                api.recordDiagnosis(coordinator, caseId, "POVERTY", i % 2 == 0 ? "ADDICTION" : "UNEMPLOYMENT");
            }
            if (i % 4 == 1) {
                api.recordDiagnosis(coordinator, caseId, "HOMELESSNESS");
            }
        }
        waitUntilCaughtUp();
        Map<String, String> live = views(caseIds);
        // damage the read models behind the projections' backs: only a real rebuild repairs this
        mongo.remove(Query.query(Criteria.where("_id").is(caseIds.get(0))), "case_files");
        mongo.dropCollection("caseloads");
        assertThat(views(caseIds)).isNotEqualTo(live);

        for (String projection : List.of("case-file", "caseload")) {
            api.post("admin", "/api/admin/projections/" + projection + "/rebuild", "").expect(202);
        }
        // a rebuild empties the read model first: wait until it says it has replayed every event again
        waitUntilCaughtUp();
        assertThat(views(caseIds)).isEqualTo(live);
    }

    @Test
    void rebuildingAnUnknownProjectionIs404AndOnlyForAdmins() {
        api.post("admin", "/api/admin/projections/no-such/rebuild", "").expect(404);
        api.post("celina", "/api/admin/projections/case-file/rebuild", "").expect(403);
    }

    private void waitUntilCaughtUp() {
        Eventually.within(PATIENCE, () -> {
            JsonNode statuses = api.get("admin", "/api/admin/projections").expect(200).json();
            assertThat(statuses.valueStream().map(status -> status.get("name").asString()))
                    .contains("case-file", "caseload");
            statuses.valueStream().forEach(status -> {
                assertThat(status.get("running").asBoolean()).as("%s running", status).isTrue();
                assertThat(status.get("lag").asLong()).as("%s lag", status).isZero();
                assertThat(status.get("replaying").asBoolean()).as("%s replaying", status).isFalse();
            });
        });
    }

    /** Every view the slice has, as the JSON a client reads: case files by id, and each caseload. */
    private Map<String, String> views(List<String> caseIds) {
        Map<String, String> views = new LinkedHashMap<>();
        for (String caseId : caseIds) {
            views.put(caseId, api.get("celina", "/api/cases/" + caseId).body());
        }
        for (String coordinator : List.of("anna", "bartek")) {
            views.put("caseload:" + coordinator, api.get(coordinator, "/api/caseload").expect(200).body());
        }
        views.put("caseload:all", api.get("celina", "/api/caseload").expect(200).body());
        return views;
    }
}
