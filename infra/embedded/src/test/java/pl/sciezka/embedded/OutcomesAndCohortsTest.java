package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** Outcome views against figures worked out by hand from a known history. */
class OutcomesAndCohortsTest extends EmbeddedApplicationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void cohortCycleBrokenRatesEqualTheRatesWorkedOutByHand() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String north = "Wilchwy-" + run;
        String south = "Radlin-" + run;
        // north: 3 families measured; broken, broken, on assistance for 2 months (not broken by default)
        new Journey(api).inDistrict(north).closedAndFollowedUp(0, true, 0.95);
        new Journey(api).inDistrict(north).closedAndFollowedUp(0, true, 0.85);
        new Journey(api).inDistrict(north).closedAndFollowedUp(2, true, 0.90);
        // south: 2 measured (child attending half the days: not broken; broken) and 1 never closed
        new Journey(api).inDistrict(south).closedAndFollowedUp(0, true, 0.50);
        new Journey(api).inDistrict(south).closedAndFollowedUp(0, true, 1.00);
        new Journey(api).inDistrict(south);

        JsonNode northByDefault = Eventually.get(Duration.ofSeconds(20), () -> {
            JsonNode group = group(cohorts(""), north);
            assertThat(group.get("measured").asInt()).isEqualTo(3);
            assertThat(group(cohorts(""), south).get("families").asInt()).isEqualTo(3);
            return group;
        });
        JsonNode southByDefault = group(cohorts(""), south);

        assertThat(northByDefault.get("families").asInt()).isEqualTo(3);
        assertThat(northByDefault.get("cycleBroken").asInt()).isEqualTo(2);
        assertThat(northByDefault.get("cycleBrokenRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(northByDefault.get("shareReceivingAssistance").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(northByDefault.get("meanSchoolAttendance").asDouble()).isCloseTo((0.95 + 0.85 + 0.90) / 3, within(1e-9));
        assertThat(northByDefault.get("parentEmploymentRate").asDouble()).isEqualTo(1.0);
        assertThat(southByDefault.get("measured").asInt()).isEqualTo(2);
        assertThat(southByDefault.get("cycleBroken").asInt()).isEqualTo(1);
        assertThat(southByDefault.get("cycleBrokenRate").asDouble()).isEqualTo(0.5);

        // an evaluator's own definition: up to 3 months on assistance, attendance of at least 0.5
        // a scan reads the outcomes projection, which may trail the cells the wait above read
        JsonNode lenient = Eventually.get(Duration.ofSeconds(20), () -> {
            JsonNode scanned = cohorts("&maxMonthsOnAssistance=3&minSchoolAttendance=0.5");
            assertThat(group(scanned, north).get("measured").asInt()).isEqualTo(3);
            assertThat(group(scanned, south).get("measured").asInt()).isEqualTo(2);
            return scanned;
        });
        assertThat(group(lenient, north).get("cycleBroken").asInt()).isEqualTo(3);
        assertThat(group(lenient, south).get("cycleBroken").asInt()).isEqualTo(2);
        assertThat(lenient.at("/definition/maxMonthsOnAssistance").asInt()).isEqualTo(3);
        assertThat(cohorts("").at("/definition/maxMonthsOnAssistance").asInt()).isZero();
        // the default definition is answered by the precomputed cells, an evaluator's own by a scan
        assertThat(cohorts("").at("/computedFrom/code").asString()).isEqualTo("PRECOMPUTED_CELLS");
        assertThat(lenient.at("/computedFrom/code").asString()).isEqualTo("SCAN");
    }

    @Test
    void caseOutcomesSayPerHorizonAndGenerationWhetherAndWhyTheCycleWasBroken() {
        Journey journey = new Journey(api).family().closedAndFollowedUp(4, false, 0.6);

        JsonNode outcomes = Eventually.get(Duration.ofSeconds(20), () -> {
            JsonNode current = api.get("celina", "/api/outcomes/cases/" + journey.caseId).expect(200).json();
            assertThat(current.get("horizons").size()).isEqualTo(1);
            return current;
        });
        JsonNode followUp = outcomes.at("/horizons/0");
        assertThat(followUp.at("/horizon/code").asString()).isEqualTo("FOLLOW_UP_12M");
        assertThat(followUp.get("cycleBroken").asBoolean()).isFalse();
        assertThat(followUp.get("unmetConditions").size()).isEqualTo(3);
        assertThat(followUp.at("/byGeneration/PARENT/measured").asInt()).isEqualTo(1);
        assertThat(followUp.at("/byGeneration/PARENT/employed").asInt()).isZero();
        assertThat(followUp.at("/byGeneration/CHILD/meanSchoolAttendance").asDouble()).isEqualTo(0.6);
        assertThat(outcomes.get("generationsPresent").valueStream().map(g -> g.get("code").asString()))
                .containsExactlyInAnyOrder("PARENT", "CHILD");

        JsonNode lenient = api.get("celina", "/api/outcomes/cases/" + journey.caseId
                + "?maxMonthsOnAssistance=6&minWorkingParents=0&minSchoolAttendance=0.5").expect(200).json();
        assertThat(lenient.at("/horizons/0/cycleBroken").asBoolean()).isTrue();
        assertThat(lenient.at("/definition/minWorkingParents").asInt()).isZero();

        String pseudonym = mongo.findById(journey.caseId, org.bson.Document.class, "outcomes").getString("pseudonym");
        // the pseudonym comes from the outcomes view; the pseudonyms view, another processor, may be a moment behind
        JsonNode evaluators = Eventually.get(Duration.ofSeconds(20),
                () -> api.get("dawid", "/api/outcomes/cases/" + pseudonym).expect(200).json());
        assertThat(evaluators.get("caseId").asString()).isEqualTo(pseudonym).isNotEqualTo(journey.caseId);
        assertThat(evaluators.toString()).doesNotContain(journey.caseId, journey.parentId, "Nowak", "Jan");
        api.get("dawid", "/api/outcomes/cases/" + journey.caseId).expect(404);
        api.get("bartek", "/api/outcomes/cases/" + journey.caseId).expect(404);
        api.get("anna", "/api/outcomes/cases/" + journey.caseId).expect(200);
        api.get("ewa", "/api/outcomes/cases/" + journey.caseId).expect(403);
        api.get("anna", "/api/outcomes/cohorts").expect(403);
        assertThat(api.get("dawid", "/api/outcomes/cohorts?groupBy=PROBLEM_AREA&horizon=FOLLOW_UP_12M").expect(200)
                .json().at("/groupBy/code").asString()).isEqualTo("PROBLEM_AREA");
        api.get("celina", "/api/outcomes/cohorts?groupBy=COLOUR").expect(400);
    }

    private JsonNode cohorts(String definition) {
        return api.get("dawid", "/api/outcomes/cohorts?groupBy=DISTRICT&horizon=FOLLOW_UP_12M" + definition)
                .expect(200).json();
    }

    private static JsonNode group(JsonNode cohorts, String key) {
        List<JsonNode> groups = cohorts.get("groups").valueStream().filter(g -> g.get("key").asString().equals(key)).toList();
        assertThat(groups).as("group %s in %s", key, cohorts).hasSize(1);
        return groups.get(0);
    }
}
