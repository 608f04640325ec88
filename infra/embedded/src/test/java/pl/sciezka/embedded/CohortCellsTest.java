package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The precomputed cohort cells of the default definition answer exactly what a pass over every
 * family computes, after a history that moves families between cells: corrected measurements, a
 * reopened case measured again in its new episode, a family moving to another service-dose band, a
 * member making a family three-generational, a diagnosis adding problem areas.
 */
class CohortCellsTest extends EmbeddedApplicationTest {

    private static final List<String> GROUPINGS = List.of("ENROLMENT_YEAR", "DISTRICT", "PROBLEM_AREA", "SERVICE_DOSE");
    private static final List<String> HORIZONS = List.of("BASELINE", "EXIT", "FOLLOW_UP_6M", "FOLLOW_UP_12M", "FOLLOW_UP_24M");

    @Test
    void cellsEqualTheScanForEveryGroupingHorizonAndPopulationAfterARichHistory() {
        String district = "Turza-" + UUID.randomUUID().toString().substring(0, 8);
        movedBandCorrectedAndReopened(district);
        threeGenerationsWithSeveralProblemAreas(district);
        new Journey(api).inDistrict(district);

        // our district: 3 families; at the 12-month follow-up the reopened family counts by its second
        // episode (broken), the other one was on assistance (not broken); at exit only the first was measured
        Eventually.within(Duration.ofSeconds(30), () -> {
            JsonNode followUp = group(cohorts("DISTRICT", "FOLLOW_UP_12M", false, false), district);
            assertThat(followUp.get("families").asInt()).isEqualTo(3);
            assertThat(followUp.get("measured").asInt()).isEqualTo(2);
            assertThat(followUp.get("cycleBroken").asInt()).isEqualTo(1);
            assertThat(followUp.get("meanIncomePerPerson").asDouble()).isEqualTo((1950.25 + 700) / 2);
            JsonNode exit = group(cohorts("DISTRICT", "EXIT", false, false), district);
            assertThat(exit.get("measured").asInt()).isEqualTo(1);
            assertThat(group(cohorts("DISTRICT", "BASELINE", true, false), district).get("families").asInt()).isEqualTo(1);
            assertEveryCellEqualsTheScan();
        });
    }

    private void assertEveryCellEqualsTheScan() {
        for (String grouping : GROUPINGS) {
            for (String horizon : HORIZONS) {
                for (boolean threeGenerations : List.of(false, true)) {
                    JsonNode cells = cohorts(grouping, horizon, threeGenerations, false);
                    JsonNode scan = cohorts(grouping, horizon, threeGenerations, true);
                    assertThat(cells.at("/computedFrom/code").asString()).isEqualTo("PRECOMPUTED_CELLS");
                    assertThat(scan.at("/computedFrom/code").asString()).isEqualTo("SCAN");
                    assertThat(cells.get("groups")).as("%s at %s, three generations only: %s", grouping, horizon,
                            threeGenerations).isNotEmpty().isEqualTo(scan.get("groups"));
                }
            }
        }
    }

    /**
     * Measured at exit with 4 services (band 1-4), then 2 more (band 5-9); followed up as broken, corrected
     * to not broken, reopened, closed again and followed up in the second episode as broken.
     */
    private void movedBandCorrectedAndReopened(String district) {
        Journey journey = new Journey(api).network();
        journey.inDistrict(district).acceptedReferral();
        deliver(journey, 4);
        measure(journey, "EXIT", 12, false, 0.7, null);
        deliver(journey, 2);
        api.post("pup", journey.path("/referrals/" + journey.referralId + "/completion"),
                Map.of("outcome", "GOAL_ACHIEVED")).expect(200);
        close(journey);
        String followUp = measure(journey, "FOLLOW_UP_12M", 0, true, 0.95, null);
        measure(journey, "FOLLOW_UP_12M", 3, true, 0.95, followUp);
        api.post("anna", journey.path("/reopening"), Map.of("reason", "nawrót")).expect(200);
        close(journey);
        measure(journey, "FOLLOW_UP_12M", 0, true, 0.9, null);
    }

    /** Baseline first, then two problem areas and a grandparent, which brings the family into the three-generation cells. */
    private void threeGenerationsWithSeveralProblemAreas(String district) {
        Journey journey = new Journey(api).inDistrict(district);
        measure(journey, "BASELINE", 12, false, 0.6, null);
        api.post("anna", journey.path("/diagnoses"), Map.of("source", "COMMUNITY_INTERVIEW", "problems", List.of(
                Map.of("area", "ADDICTION", "severity", "HIGH", "memberIds", List.of(journey.parentId)),
                Map.of("area", "POVERTY", "severity", "MEDIUM", "memberIds", List.of())))).expect(201);
        api.post("anna", journey.path("/members"), Map.of("firstName", "Zofia", "lastName", "Nowak",
                "birthYear", 1950, "generation", "GRANDPARENT", "relation", "grandmother")).expect(201);
        close(journey);
        measure(journey, "FOLLOW_UP_12M", 2, false, 0.5, null);
    }

    private void deliver(Journey journey, int times) {
        for (int i = 0; i < times; i++) {
            api.post("pup", journey.path("/referrals/" + journey.referralId + "/deliveries"), Map.of(
                    "deliveredOn", Journey.TODAY.toString(), "units", 1, "memberIds", List.of(journey.parentId)))
                    .expect(201);
        }
    }

    private void close(Journey journey) {
        api.post("anna", journey.path("/closure-request"), Map.of("reason", "GOALS_ACHIEVED", "justification", "j"))
                .expect(200);
        api.post("celina", journey.path("/closure-request/approval"), Map.of("comment", "ok")).expect(200);
    }

    private String measure(Journey journey, String horizon, int monthsOnAssistance, boolean parentWorks,
                           double childAttendance, String corrects) {
        Map<String, Object> body = new HashMap<>(Map.of("horizon", horizon, "measuredOn", Journey.TODAY.toString(),
                "household", Map.of("incomePerPerson", parentWorks ? 1950.25 : 700,
                        "receivesSocialAssistance", monthsOnAssistance > 0, "monthsOnAssistanceLast12", monthsOnAssistance),
                "members", List.of(Map.of("memberId", journey.parentId, "employment", parentWorks ? "EMPLOYED" : "UNEMPLOYED"),
                        Map.of("memberId", journey.childId, "schoolAttendanceRate", childAttendance))));
        if (corrects != null) {
            body.put("correctsMeasurementId", corrects);
        }
        return api.post("ewa", journey.path("/outcome-measurements"), body).expect(201).json().get("measurementId").asString();
    }

    private JsonNode cohorts(String grouping, String horizon, boolean threeGenerations, boolean recompute) {
        return api.get("dawid", "/api/outcomes/cohorts?groupBy=" + grouping + "&horizon=" + horizon
                + "&threeGenerationFamiliesOnly=" + threeGenerations + "&recompute=" + recompute).expect(200).json();
    }

    private static JsonNode group(JsonNode cohorts, String key) {
        List<JsonNode> groups = new ArrayList<>(cohorts.get("groups").valueStream()
                .filter(g -> g.get("key").asString().equals(key)).toList());
        assertThat(groups).as("group %s in %s", key, cohorts).hasSize(1);
        return groups.get(0);
    }
}
