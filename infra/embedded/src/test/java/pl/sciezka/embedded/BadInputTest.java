package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Bad input gets an RFC 9457 problem naming the field and the reason, and stores nothing. */
class BadInputTest extends EmbeddedApplicationTest {

    private static final String DIAGNOSIS = "/api/cases/{case}/diagnoses";
    private static final String ONE_PROBLEM = "[{\"area\":\"POVERTY\",\"severity\":\"HIGH\"}]";

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("/api/cases", "{\"familyName\":\"Nowak\"", "malformed-request", null),
                Arguments.of("/api/cases", "", "malformed-request", null),
                Arguments.of("/api/cases", "[]", "malformed-request", null),
                Arguments.of("/api/cases", "{\"familyName\":\"Nowak\"}", "invalid-input", "district"),
                Arguments.of("/api/cases", "{\"familyName\":\" \",\"district\":\"W\"}", "invalid-input", "familyName"),
                Arguments.of("/api/cases", "{\"familyName\":123,\"district\":\"W\"}", "invalid-input", "familyName"),
                Arguments.of("/api/cases", "{\"familyName\":true,\"district\":\"W\"}", "invalid-input", "familyName"),
                Arguments.of("/api/cases", "{\"familyName\":\"N\",\"district\":\"W\",\"pesel\":\"1\"}", "invalid-input", "pesel"),
                Arguments.of("/api/cases", "{\"familyName\":\"" + "x".repeat(121) + "\",\"district\":\"W\"}",
                        "invalid-input", "familyName"),
                Arguments.of("/api/cases", "{\"familyName\":\"N\",\"district\":\"W\",\"coordinatorId\":\"\"}",
                        "invalid-input", "coordinatorId"),
                Arguments.of(DIAGNOSIS, "{\"source\":\"TASK_TEAM\",\"problems\":[]}", "invalid-input", "problems"),
                Arguments.of(DIAGNOSIS, "{\"source\":\"TASK_TEAM\"}", "invalid-input", "problems"),
                Arguments.of(DIAGNOSIS, "{\"source\":\"GOSSIP\",\"problems\":" + ONE_PROBLEM + "}", "invalid-input", "source"),
                Arguments.of(DIAGNOSIS, "{\"problems\":" + ONE_PROBLEM + "}", "invalid-input", "source"),
                Arguments.of(DIAGNOSIS, "{\"source\":\"TASK_TEAM\",\"problems\":[{\"area\":\"WEALTH\",\"severity\":\"HIGH\"}]}",
                        "invalid-input", "problems[0].area"),
                Arguments.of(DIAGNOSIS, "{\"source\":\"TASK_TEAM\",\"problems\":[{\"area\":3,\"severity\":\"HIGH\"}]}",
                        "invalid-input", "problems[0].area"),
                Arguments.of(DIAGNOSIS, "{\"source\":\"TASK_TEAM\",\"problems\":[{\"area\":\"POVERTY\"}]}",
                        "invalid-input", "problems[0].severity"),
                Arguments.of(DIAGNOSIS, "{\"source\":\"TASK_TEAM\",\"problems\":[{\"area\":\"POVERTY\",\"severity\":\"HIGH\","
                        + "\"memberIds\":\"m1\"}]}", "invalid-input", "problems[0].memberIds"),
                Arguments.of(DIAGNOSIS, "{\"source\":\"TASK_TEAM\",\"problems\":[{\"area\":\"POVERTY\",\"severity\":\"HIGH\"},"
                        + "{\"area\":\"POVERTY\",\"severity\":\"LOW\"}]}", "invalid-input", "problems[1].area"),
                Arguments.of(DIAGNOSIS, "{\"source\":\"TASK_TEAM\",\"problems\":{\"area\":\"POVERTY\"}}",
                        "invalid-input", "problems"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badBodies")
    void badBodyIsAProblemNamingTheFieldAndStoresNothing(String path, String body, String type, String field) {
        String caseId = api.openCase("anna", "Nowak");
        long before = storedEvents();

        ApiClient.Response response = api.post("anna", path.replace("{case}", caseId), body).expect(400);

        assertProblem(response, type);
        if (field != null) {
            assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                    .contains(field);
            assertThat(response.json().at("/errors/0/message").asString()).isNotBlank();
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void bodyOverTheLimitIsRefusedWith413WhetherItsLengthIsDeclaredOrStreamed() {
        String huge = "{\"familyName\":\"" + "a".repeat(300_000) + "\",\"district\":\"W\"}";
        long before = storedEvents();

        assertProblem(api.post("anna", "/api/cases", huge).expect(413), "payload-too-large");
        HttpRequest chunked = api.request("anna", "/api/cases")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        assertProblem(api.send(chunked).expect(413), "payload-too-large");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void bodyThatIsNotJsonIs415() {
        HttpRequest text = api.request("anna", "/api/cases")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("familyName=Nowak"))
                .build();
        assertProblem(api.send(text).expect(415), "unsupported-media-type");
    }

    @Test
    void unknownCaseIs404AndUnknownMethodIs405() {
        assertProblem(api.post("anna", "/api/cases/no-such-case/diagnoses",
                "{\"source\":\"TASK_TEAM\",\"problems\":" + ONE_PROBLEM + "}").expect(404), "not-found");
        assertProblem(api.send(api.request("anna", "/api/cases").DELETE().build()).expect(405), "method-not-allowed");
    }

    /** Spring Security's firewall and Tomcat itself refuse these before any controller runs. */
    @ParameterizedTest
    @ValueSource(strings = {"a;b=c", "%25", "%2e%2e", "a%2Fb", "a%5Cb", "a%00b", "line%0D%0Abreak"})
    void pathRefusedBeforeTheApiIsAProblemToo(String caseId) {
        long before = storedEvents();

        ApiClient.Response response = api.post("anna", "/api/cases/" + caseId + "/diagnoses",
                "{\"source\":\"TASK_TEAM\",\"problems\":" + ONE_PROBLEM + "}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:sciezka:problem:malformed-request");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(storedEvents()).isEqualTo(before);
    }

    private static void assertProblem(ApiClient.Response response, String type) {
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:sciezka:problem:" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(response.status());
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("correlationId").asString()).isNotBlank();
    }
}
