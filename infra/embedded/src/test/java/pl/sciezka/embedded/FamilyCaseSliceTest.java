package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The first slice over HTTP: open a case, diagnose it, read it back as its coordinator and others see it. */
class FamilyCaseSliceTest extends EmbeddedApplicationTest {

    private static final Duration READ_SIDE = Duration.ofSeconds(15);

    @Test
    void caseworkerOpensAndDiagnosesACaseAndFindsItInCaseFileAndCaseload() {
        ApiClient.Response opened = api.post("anna", "/api/cases", Map.of("familyName", "Nowak", "district", "Wilchwy"))
                .expect(201);
        String caseId = opened.json().get("caseId").asString();
        assertThat(opened.header("Location")).isEqualTo("/api/cases/" + caseId);
        assertThat(opened.header("ETag")).isEqualTo("\"0\"");

        ApiClient.Response diagnosed = api.post("anna", "/api/cases/" + caseId + "/diagnoses", Map.of(
                "source", "TASK_TEAM",
                "problems", List.of(
                        Map.of("area", "POVERTY", "severity", "HIGH", "memberIds", List.of(), "description", "debts"),
                        Map.of("area", "UNEMPLOYMENT", "severity", "MEDIUM"))))
                .expect(201);
        assertThat(diagnosed.header("ETag")).isEqualTo("\"1\"");
        String diagnosisId = diagnosed.json().get("diagnosisId").asString();

        JsonNode file = Eventually.get(READ_SIDE, () -> {
            ApiClient.Response response = api.get("anna", "/api/cases/" + caseId).expect(200);
            assertThat(response.json().get("version").asLong()).isEqualTo(1);
            assertThat(response.header("ETag")).isEqualTo("\"1\"");
            return response.json();
        });
        assertThat(file.get("familyName").asString()).isEqualTo("Nowak");
        assertThat(file.get("coordinatorId").asString()).isEqualTo("anna");
        assertThat(file.get("openedBy").asString()).isEqualTo("anna");
        assertThat(file.at("/status/code").asString()).isEqualTo("DIAGNOSED");
        assertThat(file.at("/diagnoses/0/diagnosisId").asString()).isEqualTo(diagnosisId);
        assertThat(file.at("/diagnoses/0/source/code").asString()).isEqualTo("TASK_TEAM");
        assertThat(file.at("/diagnoses/0/codeListVersion").asString()).isEqualTo("art7-2023");
        assertThat(file.at("/diagnoses/0/problems/0/area/label").asString()).isEqualTo("poverty");
        assertThat(file.at("/diagnoses/0/problems/1/severity/code").asString()).isEqualTo("MEDIUM");

        JsonNode line = Eventually.get(READ_SIDE, () -> {
            JsonNode found = lineOf(api.get("anna", "/api/caseload").expect(200).json(), caseId);
            assertThat(found.at("/status/code").asString()).isEqualTo("DIAGNOSED");
            return found;
        });
        assertThat(line.get("problemAreas").valueStream().map(area -> area.get("code").asString()))
                .containsExactlyInAnyOrder("POVERTY", "UNEMPLOYMENT");
    }

    @Test
    void labelsAndMessagesArePolishWhenPolishIsAsked() {
        ApiClient polish = new ApiClient(port, "pl");
        String caseId = polish.openCase("anna", "Wiśniewska");
        JsonNode file = Eventually.get(READ_SIDE, () -> polish.get("anna", "/api/cases/" + caseId).expect(200).json());
        assertThat(file.at("/status/label").asString()).isEqualTo("otwarta");
        assertThat(file.get("familyName").asString()).isEqualTo("Wiśniewska");
        assertThat(polish.post("anna", "/api/cases", Map.of("familyName", "Nowak")).expect(400)
                .json().at("/errors/0/message").asString()).isEqualTo("nie może być odstępem");
    }

    @Test
    void caseworkerSeesOnlyTheCasesTheyCoordinate() {
        String annas = api.openCase("anna", "Kowalczyk");
        String barteks = api.openCase("bartek", "Zielińska");
        Eventually.within(READ_SIDE, () -> lineOf(api.get("bartek", "/api/caseload").expect(200).json(), barteks));
        Eventually.within(READ_SIDE, () -> api.get("anna", "/api/cases/" + annas).expect(200));

        assertThat(api.get("bartek", "/api/caseload").json().get("cases").valueStream()
                .map(entry -> entry.get("coordinatorId").asString())).containsOnly("bartek");
        assertThat(api.get("bartek", "/api/cases/" + annas).expect(404).json().get("type").asString())
                .isEqualTo("urn:sciezka:problem:not-found");
        assertThat(api.get("bartek", "/api/caseload?coordinatorId=anna").json().toString()).doesNotContain(annas);
        api.post("bartek", "/api/cases/" + annas + "/diagnoses", Map.of("source", "TASK_TEAM",
                "problems", List.of(Map.of("area", "POVERTY", "severity", "LOW")))).expect(404);
    }

    @Test
    void supervisorsAndSpecialistsSeeEveryCoordinatorsCases() {
        String annas = api.openCase("anna", "Lewandowska");
        String barteks = api.openCase("bartek", "Kamińska");
        Eventually.within(READ_SIDE, () -> {
            JsonNode all = api.get("celina", "/api/caseload").expect(200).json();
            lineOf(all, annas);
            lineOf(all, barteks);
        });
        JsonNode onlyAnna = api.get("ewa", "/api/caseload?coordinatorId=anna").expect(200).json();
        lineOf(onlyAnna, annas);
        assertThat(onlyAnna.toString()).doesNotContain(barteks);
        Eventually.within(READ_SIDE, () -> {
            api.get("celina", "/api/cases/" + barteks).expect(200);
            api.get("ewa", "/api/cases/" + annas).expect(200);
        });
    }

    @Test
    void rolesOutsideTheModelAreRefused() {
        String caseId = api.openCase("anna", "Wójcik");
        Eventually.within(READ_SIDE, () -> api.get("anna", "/api/cases/" + caseId).expect(200));
        long before = storedEvents();

        assertForbidden(api.post("ewa", "/api/cases", Map.of("familyName", "X", "district", "Y")));
        assertForbidden(api.post("dawid", "/api/cases", Map.of("familyName", "X", "district", "Y")));
        assertForbidden(api.post("pup", "/api/cases", Map.of("familyName", "X", "district", "Y")));
        Map<String, Object> diagnosis = Map.of("source", "TASK_TEAM",
                "problems", List.of(Map.of("area", "POVERTY", "severity", "LOW")));
        assertForbidden(api.post("ewa", "/api/cases/" + caseId + "/diagnoses", diagnosis));
        assertForbidden(api.post("celina", "/api/cases/" + caseId + "/diagnoses", diagnosis));
        assertForbidden(api.get("dawid", "/api/caseload"));
        assertForbidden(api.get("dawid", "/api/cases/" + caseId));
        assertForbidden(api.get("pup", "/api/cases/" + caseId));
        assertForbidden(api.get("anna", "/api/admin/projections"));

        assertThat(api.get(null, "/api/caseload").expect(401).header("WWW-Authenticate")).startsWith("Basic");
        assertThat(api.send(api.request(null, "/api/caseload")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("anna:wrong".getBytes(StandardCharsets.UTF_8))).GET().build()).status())
                .isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void everyEventRecordsWhoActedInWhichRoleAndTheRequestsCorrelationId() {
        ApiClient.Response opened = api.send(api.request("celina", "/api/cases")
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", "audit-check-1")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"familyName\":\"Mazur\",\"district\":\"Wilchwy\",\"coordinatorId\":\"anna\"}"))
                .build()).expect(201);
        assertThat(opened.header("X-Correlation-Id")).isEqualTo("audit-check-1");
        String caseId = opened.json().get("caseId").asString();

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select event_identifier, meta_data from domain_event_entry where aggregate_identifier = ?", caseId);
        assertThat(rows).hasSize(1);
        JsonNode metadata = ApiClient.JSON.readTree((byte[]) rows.get(0).get("meta_data"));
        assertThat(metadata.get("actorId").asString()).isEqualTo("celina");
        assertThat(metadata.get("actorRole").asString()).isEqualTo("SUPERVISOR");
        assertThat(metadata.get("correlationId").asString()).isEqualTo("audit-check-1");
        assertThat(metadata.get("causationId").asString()).isNotBlank()
                .isNotEqualTo(rows.get(0).get("event_identifier"));
    }

    private static void assertForbidden(ApiClient.Response response) {
        response.expect(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:sciezka:problem:forbidden");
    }

    static JsonNode lineOf(JsonNode caseload, String caseId) {
        return caseload.get("cases").valueStream()
                .filter(entry -> entry.get("caseId").asString().equals(caseId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("case " + caseId + " not in caseload " + caseload));
    }
}
