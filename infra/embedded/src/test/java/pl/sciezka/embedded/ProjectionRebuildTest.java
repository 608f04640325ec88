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
import pl.sciezka.query.admin.RebuildMarkers;
import tools.jackson.databind.JsonNode;

/** Every read model can be thrown away and rebuilt from the events, and then equals the live one. */
class ProjectionRebuildTest extends EmbeddedApplicationTest {

    /** On a busy two-core host these tests took 30-34 s each where alone they take 17, and a 30-s wait ran out. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RebuildMarkers markers;

    @Test
    void rebuiltViewsEqualTheLiveOnes() {
        List<Journey> families = richHistory();
        waitUntilCaughtUp();
        Map<String, String> live = views(families);
        // damage every read model behind the projections' backs: only a real rebuild repairs this
        mongo.remove(Query.query(Criteria.where("_id").is(families.get(0).caseId)), "case_files");
        for (String collection : List.of("caseloads", "timelines", "decision_day_parts", "outcomes",
                "cohort_cells", "cohort_cases")) {
            mongo.dropCollection(collection);
        }
        assertThat(views(families)).isNotEqualTo(live);

        List<String> projections = api.get("admin", "/api/admin/projections").expect(200).json().valueStream()
                .map(status -> status.get("name").asString()).toList();
        assertThat(projections).contains("case-file", "caseload", "timeline", "outcomes", "cohort-cells");
        for (String projection : projections) {
            api.post("admin", "/api/admin/projections/" + projection + "/rebuild", "").expect(202);
        }
        waitUntilCaughtUp();
        assertThat(views(families)).isEqualTo(live);
    }

    @Test
    void rebuildingEveryProjectionInOnePassGivesTheLiveViewsAndKeepsWhatIsWrittenMeanwhile() {
        List<Journey> families = richHistory();
        waitUntilCaughtUp();
        Map<String, String> live = views(families);
        mongo.dropCollection("case_files");
        mongo.dropCollection("caseloads");
        assertThat(views(families)).isNotEqualTo(live);

        api.post("admin", "/api/admin/projections/rebuild", "").expect(202);
        // written while the pass runs or just after it: either way the views must have it
        Journey later = families.get(3); // reassigned to bartek
        api.post("bartek", later.path("/members"), Map.of("firstName", "Iga", "lastName", "Nowak",
                "birthYear", 1960, "generation", "GRANDPARENT", "relation", "grandmother")).expect(201);
        waitUntilCaughtUp();

        long lastSequence = jdbc.queryForObject("select max(sequence_number) from domain_event_entry"
                + " where aggregate_identifier = ?", Long.class, later.caseId);
        JsonNode caseFile = api.get("celina", later.path("")).expect(200).json();
        assertThat(caseFile.get("version").asLong()).isEqualTo(lastSequence);
        assertThat(caseFile.get("members").valueStream().map(member -> member.get("firstName").asString()))
                .contains("Iga");
        Map<String, String> rebuilt = views(families);
        for (Journey family : families.subList(0, 3)) {
            for (String view : List.of("case-file ", "timeline ", "outcomes ")) {
                assertThat(rebuilt.get(view + family.caseId)).as(view + family.caseId).isEqualTo(live.get(view + family.caseId));
            }
        }
        assertThat(rebuilt.get("caseload anna")).isEqualTo(live.get("caseload anna"));
        assertThat(markers.marked()).as("rebuilds a restart would run again").isEmpty();
    }

    /** Several families through every kind of event: plans, referrals in every state, meetings, closures, follow-ups. */
    private List<Journey> richHistory() {
        List<Journey> families = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Journey journey = new Journey(api).network().family().acceptedReferral();
            String referral = journey.path("/referrals/" + journey.referralId);
            api.post("pup", referral + "/deliveries", Map.of("deliveredOn", Journey.TODAY.toString(), "units", 1 + i,
                    "memberIds", List.of(journey.parentId))).expect(201);
            api.post("anna", journey.path("/diagnoses"), Map.of("source", "TASK_TEAM", "problems", List.of(Map.of(
                    "area", i % 2 == 0 ? "ADDICTION" : "UNEMPLOYMENT", "severity", "HIGH",
                    "memberIds", List.of(journey.parentId))))).expect(201);
            api.post("ewa", journey.path("/meetings"), Map.of("heldOn", Journey.TODAY.toString(), "participants",
                    List.of(Map.of("name", "Anna", "institution", "MOPS", "role", "koordynator", "userId", "anna")),
                    "decisions", List.of())).expect(201);
            api.post("ewa", journey.path("/outcome-measurements"), Map.of("horizon", "BASELINE",
                    "measuredOn", Journey.TODAY.toString(), "household", Map.of("incomePerPerson", 600 + i,
                            "receivesSocialAssistance", true, "monthsOnAssistanceLast12", 12))).expect(201);
            if (i % 2 == 0) {
                api.post("pup", referral + "/completion", Map.of("outcome", "GOAL_ACHIEVED")).expect(200);
                journey.closedAndFollowedUp(i, i == 0, 0.9);
            } else {
                api.post("celina", referral + "/revocation", Map.of("reason", "duplicate")).expect(200);
                api.post("celina", journey.path("/coordinator"), Map.of("coordinatorId", "bartek", "reason", "leave"))
                        .expect(200);
            }
            families.add(journey);
        }
        String eventId = jdbc.queryForObject("select event_identifier from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = 4", String.class, families.get(1).caseId);
        api.post("celina", families.get(1).path("/reviews"), Map.of("eventId", eventId, "verdict", "QUERIED",
                "comment", "why this offering?")).expect(201);
        api.post("celina", families.get(2).path("/members/" + families.get(2).childId + "/erasure"),
                Map.of("reason", "art. 17")).expect(200);
        return families;
    }

    @Test
    void rebuildingAnUnknownProjectionIs404AndOnlyForAdmins() {
        api.post("admin", "/api/admin/projections/no-such/rebuild", "").expect(404);
        api.post("celina", "/api/admin/projections/case-file/rebuild", "").expect(403);
        api.post("celina", "/api/admin/projections/rebuild", "").expect(403);
    }

    private void waitUntilCaughtUp() {
        api.awaitProjectionsCaughtUp(PATIENCE);
    }

    /** Every view there is, as the JSON a client reads. */
    private Map<String, String> views(List<Journey> families) {
        Map<String, String> views = new LinkedHashMap<>();
        for (Journey family : families) {
            views.put("case-file " + family.caseId, api.get("celina", family.path("")).body());
            views.put("timeline " + family.caseId, api.get("celina", family.path("/timeline")).body());
            views.put("outcomes " + family.caseId, api.get("celina", "/api/outcomes/cases/" + family.caseId).body());
        }
        for (String coordinator : List.of("anna", "bartek")) {
            views.put("caseload " + coordinator, api.get(coordinator, "/api/caseload").body());
        }
        views.put("caseload all", api.get("celina", "/api/caseload").body());
        views.put("decisions", api.get("celina", "/api/audit/decisions?size=500").body());
        for (String grouping : List.of("ENROLMENT_YEAR", "DISTRICT", "PROBLEM_AREA", "SERVICE_DOSE")) {
            for (String horizon : List.of("BASELINE", "FOLLOW_UP_12M")) {
                for (boolean threeGenerations : List.of(false, true)) {
                    String cohorts = "/api/outcomes/cohorts?groupBy=" + grouping + "&horizon=" + horizon
                            + "&threeGenerationFamiliesOnly=" + threeGenerations;
                    views.put("cohorts " + cohorts, api.get("dawid", cohorts).body());
                    views.put("cohorts recomputed " + cohorts, api.get("dawid", cohorts + "&recompute=true").body());
                }
            }
        }
        return views;
    }
}
