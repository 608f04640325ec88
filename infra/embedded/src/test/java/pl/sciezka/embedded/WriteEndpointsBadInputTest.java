package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every write endpoint answers malformed input with a 400 problem naming the field, and stores nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteEndpointsBadInputTest extends EmbeddedApplicationTest {

    private Journey journey;

    @BeforeAll
    void prepareAnnasCase() {
        connect();
        journey = new Journey(api).network().family().acceptedReferral();
    }

    static Stream<Arguments> badBodies() {
        String household = "\"household\":{\"incomePerPerson\":1,\"receivesSocialAssistance\":true,\"monthsOnAssistanceLast12\":1}";
        return Stream.of(
                bad("anna", "/members", "{\"lastName\":\"N\",\"birthYear\":1990,\"generation\":\"PARENT\",\"relation\":\"x\"}", "firstName"),
                bad("anna", "/members", "{\"firstName\":\"J\",\"lastName\":\"N\",\"birthYear\":\"1990\",\"generation\":\"PARENT\",\"relation\":\"x\"}", "birthYear"),
                bad("anna", "/members", "{\"firstName\":\"J\",\"lastName\":\"N\",\"birthYear\":1990.5,\"generation\":\"PARENT\",\"relation\":\"x\"}", "birthYear"),
                bad("anna", "/members", "{\"firstName\":\"J\",\"lastName\":\"N\",\"birthYear\":1990,\"generation\":\"GREAT\",\"relation\":\"x\"}", "generation"),
                bad("anna", "/members", "{\"firstName\":\"J\",\"lastName\":\"N\",\"birthYear\":1990,\"generation\":\"PARENT\",\"relation\":\"x\",\"pesel\":\"123\"}", "pesel"),
                bad("anna", "/diagnoses", "{\"source\":\"TASK_TEAM\",\"problems\":[{\"area\":\"POVERTY\",\"severity\":\"LOW\",\"memberIds\":[\"stranger\"]}]}", "problems[0].memberIds[0]"),
                bad("anna", "/referrals", "{\"offeringId\":\"o\",\"reason\":\"r\"}", "memberIds"),
                bad("pup", "/referrals/{r}/decline", "{}", "reason"),
                bad("pup", "/referrals/{r}/deliveries", "{\"deliveredOn\":\"2026-01-05\",\"units\":-1,\"memberIds\":[\"m\"]}", "units"),
                // 1e-999999999 is positive and below 10 000, yet no read model can hold it (MongoDB's Decimal128)
                bad("pup", "/referrals/{r}/deliveries", "{\"deliveredOn\":\"2026-01-05\",\"units\":1e-999999999,\"memberIds\":[\"m\"]}", "units"),
                bad("pup", "/referrals/{r}/deliveries", "{\"deliveredOn\":\"yesterday\",\"units\":1,\"memberIds\":[\"m\"]}", "deliveredOn"),
                bad("pup", "/referrals/{r}/completion", "{\"outcome\":\"GREAT\"}", "outcome"),
                bad("anna", "/meetings", "{\"heldOn\":\"2026-01-05\",\"participants\":[]}", "participants"),
                bad("anna", "/meetings", "{\"participants\":[{\"name\":\"n\",\"institution\":\"i\",\"role\":\"r\",\"userId\":\"anna\"}]}", "heldOn"),
                bad("anna", "/outcome-measurements", "{\"horizon\":\"NOW\",\"measuredOn\":\"2026-01-05\"," + household + "}", "horizon"),
                bad("anna", "/outcome-measurements", "{\"horizon\":\"BASELINE\",\"measuredOn\":\"2026-01-05\",\"household\":"
                        + "{\"incomePerPerson\":1,\"receivesSocialAssistance\":true,\"monthsOnAssistanceLast12\":13}}",
                        "household.monthsOnAssistanceLast12"),
                bad("anna", "/outcome-measurements", "{\"horizon\":\"BASELINE\",\"measuredOn\":\"2026-01-05\",\"household\":"
                        + "{\"incomePerPerson\":1e999999999,\"receivesSocialAssistance\":true,\"monthsOnAssistanceLast12\":1}}",
                        "household.incomePerPerson"),
                bad("anna", "/outcome-measurements", "{\"horizon\":\"BASELINE\",\"measuredOn\":\"2026-01-05\"," + household
                        + ",\"members\":[{\"memberId\":\"{c}\",\"schoolAttendanceRate\":1.5}]}", "members[0].schoolAttendanceRate"),
                bad("anna", "/outcome-measurements", "{\"horizon\":\"BASELINE\",\"measuredOn\":\"2026-01-05\"," + household
                        + ",\"members\":[{\"memberId\":\"{p}\",\"schoolAttendanceRate\":0.9}]}", "members[0].schoolAttendanceRate"),
                bad("anna", "/closure-request", "{\"reason\":\"BORED\",\"justification\":\"j\"}", "reason"),
                bad("anna", "/closure-request", "{\"reason\":\"OTHER\"}", "justification"),
                bad("celina", "/closure-request/approval", "{}", "comment"),
                bad("celina", "/reopening", "{\"reason\":\"\"}", "reason"),
                bad("celina", "/members/{c}/erasure", "{}", "reason"),
                bad("celina", "/coordinator", "{\"reason\":\"r\"}", "coordinatorId"),
                bad("celina", "/reviews", "{\"eventId\":\"e\",\"verdict\":\"MAYBE\",\"comment\":\"c\"}", "verdict"),
                bad("celina", "/reviews", "{\"eventId\":\"not-an-event-of-this-case\",\"verdict\":\"QUERIED\",\"comment\":\"c\"}", "eventId"),
                bad("admin", "NETWORK /api/network/institutions", "{\"name\":\"n\",\"kind\":\"BANK\"}", "kind"),
                bad("admin", "NETWORK /api/network/offerings", "{\"institutionId\":\"i\",\"category\":\"HEALTH\",\"name\":\"n\","
                        + "\"unit\":\"h\",\"unitCost\":-5,\"capacity\":1}", "unitCost"),
                bad("admin", "NETWORK /api/network/offerings", "{\"institutionId\":\"i\",\"category\":\"HEALTH\",\"name\":\"n\","
                        + "\"unit\":\"h\",\"unitCost\":5,\"capacity\":1.5}", "capacity"),
                bad("admin", "NETWORK /api/network/offerings", "{\"institutionId\":\"i\",\"category\":\"HEALTH\",\"name\":\"n\","
                        + "\"unit\":\"h\",\"unitCost\":12.345,\"capacity\":1}", "unitCost"),
                bad("admin", "NETWORK /api/network/offerings", "{\"institutionId\":\"no-such\",\"category\":\"HEALTH\",\"name\":\"n\","
                        + "\"unit\":\"h\",\"unitCost\":5,\"capacity\":1}", "institutionId"),
                bad("admin", "NETWORK /api/network/offerings/{o}/withdrawal", "{}", "reason"));
    }

    private static Arguments bad(String user, String path, String body, String field) {
        return Arguments.of(user, path, body, field);
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("badBodies")
    void badBodyIsAProblemNamingTheField(String user, String path, String body, String field) {
        String target = path.startsWith("NETWORK ")
                ? path.substring("NETWORK ".length()).replace("{o}", journey.offeringId)
                : journey.path(path.replace("{r}", journey.referralId).replace("{c}", journey.childId));
        long before = storedEvents();

        ApiClient.Response response = api.post(user, target, body.replace("{c}", journey.childId)
                .replace("{p}", journey.parentId));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(response.body()).contains(field);
        assertThat(storedEvents()).isEqualTo(before);
    }
}
