package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys and versions outlive the process: write with keys, kill the packaged application
 * with SIGKILL, start it again on the same data directory, and find every repeat answered with its
 * first response, storing nothing, and a stale If-Match still refused.
 */
class IdempotencySigkillIT {

    private static final Map<String, Object> NOWAK = ApiClient.newCase("Nowak");
    private static final Map<String, Object> POVERTY = ApiClient.diagnosis("POVERTY");

    @Test
    void repeatsAfterSigkillAreAnsweredWithTheFirstResponseAndStoreNothing() throws Exception {
        Path dataDir = Files.createTempDirectory("sciezka-idempotency");
        String openKey = UUID.randomUUID().toString();
        String diagnosisKey = UUID.randomUUID().toString();
        ApiClient.Response opened;
        ApiClient.Response diagnosed;
        String diagnoses;

        try (RunningApplication first = new RunningApplication(dataDir)) {
            first.start();
            ApiClient api = new ApiClient(first.port());
            opened = api.post("anna", "/api/cases", NOWAK, "Idempotency-Key", openKey).expect(201);
            diagnoses = "/api/cases/" + opened.json().get("caseId").asString() + "/diagnoses";
            diagnosed = api.post("anna", diagnoses, POVERTY, "Idempotency-Key", diagnosisKey).expect(201);
            assertThat(diagnosed.header("ETag")).isEqualTo("\"1\"");
            first.kill();
        }

        try (RunningApplication second = new RunningApplication(dataDir)) {
            second.start();
            ApiClient api = new ApiClient(second.port());

            Races.assertSameResponse(api.post("anna", "/api/cases", NOWAK, "Idempotency-Key", openKey), opened);
            Races.assertSameResponse(api.post("anna", diagnoses, POVERTY, "Idempotency-Key", diagnosisKey), diagnosed);
            api.post("anna", "/api/cases", Map.of("familyName", "Kowalski", "district", "Wilchwy"),
                    "Idempotency-Key", openKey).expectProblem(422, "idempotency-key-reused");
            api.post("anna", diagnoses, POVERTY, "If-Match", "\"0\"").expectProblem(412, "precondition-failed");

            // had any of the four stored an event, this write would not be the case's version 2
            assertThat(api.post("anna", diagnoses, POVERTY, "If-Match", "\"1\"").expect(201).header("ETag"))
                    .isEqualTo("\"2\"");
        }
    }
}
