package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.sciezka.embedded.Journey.TODAY;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every write endpoint of the API contract on its happy path, in the order a family's support path takes. */
class WriteEndpointsJourneyTest extends EmbeddedApplicationTest {

    @Test
    void aFamilysWholeSupportPathIsRecordedAndReadBack() {
        Journey journey = new Journey(api).network().family().acceptedReferral();
        String referral = "/referrals/" + journey.referralId;
        long before = storedEvents();

        api.post("pup", journey.path(referral + "/deliveries"), Map.of("deliveredOn", TODAY.toString(),
                "units", 2, "memberIds", List.of(journey.parentId))).expect(201);
        api.post("pup", journey.path(referral + "/completion"), Map.of("outcome", "GOAL_ACHIEVED")).expect(200);
        api.post("anna", journey.path("/support-plan/goals/" + journey.goalId + "/achievement"),
                Map.of("reason", "zatrudniony")).expect(200);
        String second = api.post("anna", journey.path("/referrals"), Map.of("offeringId", journey.offeringId,
                "memberIds", List.of(journey.parentId), "goalId", "x", "reason", "r")).expect(400).body();
        assertThat(second).contains("goalId");
        api.post("ewa", journey.path("/meetings"), Map.of("heldOn", TODAY.toString(),
                "participants", List.of(Map.of("name", "Anna", "institution", "MOPS", "role", "koordynator",
                        "userId", "anna"), Map.of("name", "Pedagog", "institution", "SP 7", "role", "pedagog")),
                "decisions", List.of(Map.of("text", "korepetycje", "responsible", "SP 7",
                        "dueBy", TODAY.plusWeeks(2).toString())))).expect(201);
        api.post("ewa", journey.path("/outcome-measurements"), Map.of("horizon", "BASELINE",
                "measuredOn", TODAY.toString(), "household", Map.of("incomePerPerson", 640,
                        "receivesSocialAssistance", true, "monthsOnAssistanceLast12", 12),
                "members", List.of(Map.of("memberId", journey.parentId, "employment", "UNEMPLOYED"),
                        Map.of("memberId", journey.childId, "schoolAttendanceRate", 0.82)))).expect(201);
        api.post("anna", journey.path("/closure-request"), Map.of("reason", "GOALS_ACHIEVED",
                "justification", "praca i regularna nauka")).expect(200);
        api.post("celina", journey.path("/closure-request/rejection"), Map.of("comment", "brak pomiaru EXIT")).expect(200);
        api.post("anna", journey.path("/outcome-measurements"), Map.of("horizon", "EXIT",
                "measuredOn", TODAY.toString(), "household", Map.of("incomePerPerson", 1450,
                        "receivesSocialAssistance", false, "monthsOnAssistanceLast12", 4))).expect(201);
        api.post("anna", journey.path("/closure-request"), Map.of("reason", "GOALS_ACHIEVED",
                "justification", "cele osiągnięte")).expect(200);
        api.post("celina", journey.path("/closure-request/approval"), Map.of("comment", "zgoda")).expect(200);
        api.post("ewa", journey.path("/outcome-measurements"), Map.of("horizon", "FOLLOW_UP_6M",
                "measuredOn", TODAY.toString(), "household", Map.of("incomePerPerson", 1500,
                        "receivesSocialAssistance", false, "monthsOnAssistanceLast12", 0))).expect(201);
        api.post("celina", journey.path("/coordinator"), Map.of("coordinatorId", "bartek", "reason", "urlop")).expect(200);
        api.post("bartek", journey.path("/reopening"), Map.of("reason", "nawrót problemów")).expect(200);
        String eventId = jdbc.queryForObject("select event_identifier from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = 0", String.class, journey.caseId);
        api.post("celina", journey.path("/reviews"), Map.of("eventId", eventId, "verdict", "ENDORSED",
                "comment", "prawidłowo")).expect(201);
        api.post("celina", journey.path("/members/" + journey.childId + "/erasure"),
                Map.of("reason", "żądanie usunięcia danych")).expect(200);
        assertThat(storedEvents()).isEqualTo(before + 15);

        JsonNode file = Eventually.get(Duration.ofSeconds(15), () -> {
            JsonNode current = api.get("celina", journey.path("")).expect(200).json();
            assertThat(current.get("version").asLong()).isEqualTo(20);
            return current;
        });
        assertThat(file.at("/status/code").asString()).isEqualTo("REOPENED");
        assertThat(file.get("episode").asInt()).isEqualTo(2);
        assertThat(file.get("coordinatorId").asString()).isEqualTo("bartek");
        assertThat(file.get("generationsPresent").valueStream().map(g -> g.get("code").asString()))
                .containsExactlyInAnyOrder("PARENT", "CHILD");
        assertThat(file.at("/referrals/0/status/code").asString()).isEqualTo("COMPLETED");
        assertThat(file.at("/referrals/0/deliveries/0/cost").decimalValue()).isEqualByComparingTo("2501.0");
        assertThat(file.at("/goals/0/status/code").asString()).isEqualTo("ACHIEVED");
        assertThat(file.get("measurements").size()).isEqualTo(3);
        assertThat(file.at("/closure/decidedBy").asString()).isEqualTo("celina");
        assertThat(file.at("/reviews/0/eventId").asString()).isEqualTo(eventId);
        assertThat(file.at("/meetings/0/participants").size()).isEqualTo(2);
        JsonNode child = file.get("members").valueStream()
                .filter(member -> member.get("memberId").asString().equals(journey.childId)).findFirst().orElseThrow();
        assertThat(child.get("erased").asBoolean()).isTrue();
        assertThat(child.get("firstName").asString()).isEqualTo("[usunięte]");
    }

    @Test
    void aWithdrawnOfferingTakesNoNewReferrals() {
        Journey journey = new Journey(api).network().family();
        // a referral first, so that the command side has read the offering before its withdrawal
        api.post("anna", journey.path("/referrals"), Map.of("offeringId", journey.offeringId,
                "memberIds", List.of(journey.parentId), "reason", "szkolenie")).expect(201);
        api.post("admin", "/api/network/offerings/" + journey.offeringId + "/withdrawal",
                Map.of("reason", "koniec programu")).expect(200);
        long before = storedEvents();

        JsonNode problem = api.post("anna", journey.path("/referrals"), Map.of("offeringId", journey.offeringId,
                "memberIds", List.of(journey.parentId), "reason", "staż")).expect(409).json();

        assertThat(problem.get("type").asString()).isEqualTo("urn:sciezka:problem:state-conflict");
        assertThat(api.post("anna", journey.path("/referrals"), Map.of("offeringId", "no-such-offering",
                "memberIds", List.of(journey.parentId), "reason", "staż")).expect(400).json().at("/errors/0/field")
                .asString()).isEqualTo("offeringId");
        assertThat(api.post("admin", "/api/network/offerings/" + journey.offeringId + "/withdrawal",
                Map.of("reason", "again")).expect(409).json().get("type").asString())
                .isEqualTo("urn:sciezka:problem:state-conflict");
        assertThat(storedEvents()).isEqualTo(before);
    }
}
