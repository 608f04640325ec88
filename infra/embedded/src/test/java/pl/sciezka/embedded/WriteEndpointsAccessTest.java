package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each write refuses every role the API contract does not name: 403 for a role that may never do it,
 * 404 for a caseworker who does not coordinate the case (its existence is not revealed). Nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteEndpointsAccessTest extends EmbeddedApplicationTest {

    private Journey journey;

    @BeforeAll
    void prepareAnnasCase() {
        connect();
        journey = new Journey(api).network().family().acceptedReferral();
    }

    static Stream<Arguments> refusals() {
        String member = "{\"firstName\":\"A\",\"lastName\":\"B\",\"birthYear\":1990,\"generation\":\"PARENT\",\"relation\":\"x\"}";
        String diagnosis = "{\"source\":\"TASK_TEAM\",\"problems\":[{\"area\":\"POVERTY\",\"severity\":\"LOW\"}]}";
        String referral = "{\"offeringId\":\"o\",\"memberIds\":[\"m\"],\"reason\":\"r\"}";
        String reason = "{\"reason\":\"r\"}";
        String delivery = "{\"deliveredOn\":\"2026-01-05\",\"units\":1,\"memberIds\":[\"m\"]}";
        String meeting = "{\"heldOn\":\"2026-01-05\",\"participants\":[{\"name\":\"n\",\"institution\":\"i\",\"role\":\"r\"}]}";
        String measurement = "{\"horizon\":\"BASELINE\",\"measuredOn\":\"2026-01-05\",\"household\":"
                + "{\"incomePerPerson\":1,\"receivesSocialAssistance\":true,\"monthsOnAssistanceLast12\":1}}";
        String closure = "{\"reason\":\"OTHER\",\"justification\":\"j\"}";
        String comment = "{\"comment\":\"c\"}";
        return Stream.of(
                refused("/members", member, Map.of("bartek", 404, "celina", 403, "dawid", 403, "pup", 403, "admin", 403)),
                refused("/diagnoses", diagnosis, Map.of("bartek", 404, "ewa", 403, "celina", 403, "dawid", 403, "pup", 403)),
                refused("/referrals", referral, Map.of("bartek", 404, "ewa", 403, "celina", 403, "pup", 403, "admin", 403)),
                refused("/referrals/{r}/acceptance", "", Map.of("bartek", 404, "ewa", 403, "celina", 403, "dawid", 403)),
                refused("/referrals/{r}/decline", reason, Map.of("bartek", 404, "ewa", 403, "celina", 403)),
                refused("/referrals/{r}/revocation", reason, Map.of("bartek", 404, "ewa", 403, "pup", 403)),
                refused("/referrals/{r}/deliveries", delivery, Map.of("bartek", 404, "celina", 403, "dawid", 403)),
                refused("/referrals/{r}/completion", "{\"outcome\":\"GOAL_ACHIEVED\"}",
                        Map.of("bartek", 404, "ewa", 403, "celina", 403)),
                refused("/referrals/{r}/dropout", reason, Map.of("ewa", 403, "celina", 403)),
                refused("/meetings", meeting, Map.of("bartek", 404, "celina", 403, "pup", 403, "dawid", 403)),
                refused("/outcome-measurements", measurement, Map.of("bartek", 404, "celina", 403, "pup", 403)),
                refused("/closure-request", closure, Map.of("bartek", 404, "ewa", 403, "celina", 403, "pup", 403)),
                refused("/closure-request/approval", comment, Map.of("anna", 403, "bartek", 404, "ewa", 403)),
                refused("/closure-request/rejection", comment, Map.of("anna", 403, "ewa", 403, "dawid", 403)),
                refused("/reopening", reason, Map.of("ewa", 403, "pup", 403, "bartek", 404)),
                refused("/members/{m}/erasure", reason, Map.of("anna", 403, "ewa", 403, "dawid", 403)),
                refused("/coordinator", "{\"coordinatorId\":\"bartek\",\"reason\":\"r\"}", Map.of("anna", 403, "ewa", 403)),
                refused("/reviews", "{\"eventId\":\"e\",\"verdict\":\"ENDORSED\",\"comment\":\"c\"}",
                        Map.of("anna", 403, "ewa", 403, "pup", 403)),
                refused("/support-plan/goals/{g}/achievement", reason, Map.of("ewa", 403, "celina", 403, "bartek", 404)),
                refused("NETWORK /api/network/institutions", "{\"name\":\"n\",\"kind\":\"NGO\"}",
                        Map.of("anna", 403, "celina", 403, "pup", 403)),
                refused("NETWORK /api/network/offerings/{o}/withdrawal", reason, Map.of("anna", 403, "celina", 403)));
    }

    private static Arguments refused(String path, String body, Map<String, Integer> users) {
        return Arguments.of(path, body, users);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesRolesTheContractDoesNotName(String path, String body, Map<String, Integer> users) {
        String target = path.startsWith("NETWORK ")
                ? path.substring("NETWORK ".length()).replace("{o}", journey.offeringId)
                : journey.path(path.replace("{r}", journey.referralId).replace("{m}", journey.childId)
                        .replace("{g}", journey.goalId));
        long before = storedEvents();
        users.forEach((user, status) -> {
            ApiClient.Response response = api.post(user, target, body);
            assertThat(response.status()).as("%s as %s: %s", target, user, response.body()).isEqualTo(status);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        });
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "support plan as {0}")
    @MethodSource("planRefusals")
    void supportPlanIsTheCoordinatorsAlone(String user, int status) {
        long before = storedEvents();
        ApiClient.Response response = api.send(api.request(user, journey.path("/support-plan"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(Map.of(
                        "goals", List.of(Map.of("area", "POVERTY", "memberIds", List.of(journey.parentId),
                                "description", "d", "targetDate", "2027-01-01")))))).build());
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(storedEvents()).isEqualTo(before);
    }

    static Stream<Arguments> planRefusals() {
        return Stream.of(Arguments.of("bartek", 404), Arguments.of("ewa", 403), Arguments.of("celina", 403),
                Arguments.of("pup", 403), Arguments.of("dawid", 403));
    }
}
