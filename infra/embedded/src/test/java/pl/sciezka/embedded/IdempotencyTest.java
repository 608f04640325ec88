package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A write sent again with the same Idempotency-Key is the same write: answered again, stored once. */
class IdempotencyTest extends EmbeddedApplicationTest {

    private static final Map<String, Object> NOWAK = ApiClient.newCase("Nowak");
    private static final Map<String, Object> POVERTY = ApiClient.diagnosis("POVERTY");

    @Test
    void repeatWithTheSameKeyAndBodyAnswersTheFirstResponseAndStoresNothing() {
        String openKey = UUID.randomUUID().toString();
        ApiClient.Response opened = api.post("anna", "/api/cases", NOWAK, "Idempotency-Key", openKey).expect(201);
        String caseId = opened.json().get("caseId").asString();
        String diagnosisKey = UUID.randomUUID().toString();
        ApiClient.Response diagnosed = api.post("anna", "/api/cases/" + caseId + "/diagnoses", POVERTY,
                "Idempotency-Key", diagnosisKey).expect(201);
        long stored = storedEvents();

        Races.assertSameResponse(api.post("anna", "/api/cases", NOWAK, "Idempotency-Key", openKey), opened);
        Races.assertSameResponse(api.post("anna", "/api/cases/" + caseId + "/diagnoses", POVERTY,
                "Idempotency-Key", diagnosisKey), diagnosed);
        // the same key as the IETF draft's quoted string is the same key
        Races.assertSameResponse(api.post("anna", "/api/cases", NOWAK, "Idempotency-Key", "\"" + openKey + "\""), opened);

        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(idempotencyKeysOfCase(caseId)).containsExactly(openKey, diagnosisKey);
        // and the projections took the keyed events like any other
        Eventually.within(Duration.ofSeconds(15), () -> {
            JsonNode file = api.get("anna", "/api/cases/" + caseId).expect(200).json();
            assertThat(file.get("version").asLong()).isEqualTo(1);
            assertThat(file.get("diagnoses").size()).isEqualTo(1);
        });
    }

    @Test
    void sameKeyWithAnotherBodyIs422AndStoresNothing() {
        String key = UUID.randomUUID().toString();
        String caseId = api.post("anna", "/api/cases", NOWAK, "Idempotency-Key", key).expect(201)
                .json().get("caseId").asString();
        long stored = storedEvents();

        api.post("anna", "/api/cases", Map.of("familyName", "Kowalski", "district", "Wilchwy"), "Idempotency-Key", key)
                .expectProblem(422, "idempotency-key-reused");
        api.post("anna", "/api/cases/" + caseId + "/diagnoses", POVERTY, "Idempotency-Key", key)
                .expectProblem(422, "idempotency-key-reused");

        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void aKeyBelongsToTheUserWhoSentIt() {
        String key = UUID.randomUUID().toString();
        ApiClient.Response annas = api.post("anna", "/api/cases", NOWAK, "Idempotency-Key", key).expect(201);
        long stored = storedEvents();

        ApiClient.Response bartkos = api.post("bartek", "/api/cases", NOWAK, "Idempotency-Key", key).expect(201);

        assertThat(bartkos.json().get("caseId").asString()).isNotEqualTo(annas.json().get("caseId").asString());
        assertThat(storedEvents()).isEqualTo(stored + 1);
        Races.assertSameResponse(api.post("anna", "/api/cases", NOWAK, "Idempotency-Key", key), annas);
        Races.assertSameResponse(api.post("bartek", "/api/cases", NOWAK, "Idempotency-Key", key), bartkos);
        assertThat(storedEvents()).isEqualTo(stored + 1);
    }

    /** Without the key's row lock the losers would record the diagnosis again, or be told it already is (409). */
    @Test
    void concurrentRepeatsOfOneRequestAreHandledOnceAndAllGetItsResponse() throws Exception {
        String caseId = api.openCase("anna", "Nowak");
        String key = UUID.randomUUID().toString();

        List<ApiClient.Response> responses = Races.concurrently(8, i -> api.post("anna",
                "/api/cases/" + caseId + "/diagnoses", POVERTY, "Idempotency-Key", key));

        Races.assertAllSame(responses);
        responses.get(0).expect(201);
        assertThat(eventsOfCase(caseId)).isEqualTo(2);
    }

    @Test
    void malformedKeyIs400AndStoresNothing() {
        long stored = storedEvents();
        for (String malformed : List.of("has space", "x".repeat(256), "\"\"", "back\\slash")) {
            api.post("anna", "/api/cases", NOWAK, "Idempotency-Key", malformed).expectProblem(400, "malformed-request");
        }
        assertThat(storedEvents()).isEqualTo(stored);
    }

    /** The idempotency key in each stored event's metadata, in the order the events were stored. */
    List<String> idempotencyKeysOfCase(String caseId) {
        return jdbc.queryForList("select meta_data from domain_event_entry where aggregate_identifier = ?"
                        + " order by sequence_number", byte[].class, caseId).stream()
                .map(metadata -> ApiClient.JSON.readTree(metadata).path("idempotencyKey"))
                .map(JsonNode::asString)
                .toList();
    }
}
