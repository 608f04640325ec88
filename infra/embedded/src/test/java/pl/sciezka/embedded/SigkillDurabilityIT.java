package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Nothing acknowledged is lost: drive the packaged application over HTTP, kill it with SIGKILL right
 * after the last acknowledgement, start it again on the same data directory, and find every
 * acknowledged case and diagnosis in the case files and the caseloads.
 */
class SigkillDurabilityIT {

    private static final int CASES = 20;

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Path dataDir = Files.createTempDirectory("sciezka-sigkill");
        Map<String, String> coordinatorOfCase = new LinkedHashMap<>();
        Map<String, String> diagnosisOfCase = new LinkedHashMap<>();

        try (RunningApplication first = new RunningApplication(dataDir)) {
            Duration startup = first.start();
            System.out.printf("startup of the embedded default on a fresh data directory: %d ms%n", startup.toMillis());
            ApiClient api = new ApiClient(first.port());
            for (int i = 0; i < CASES; i++) {
                String coordinator = i % 2 == 0 ? "anna" : "bartek";
                String caseId = api.openCase(coordinator, "Rodzina " + i);
                coordinatorOfCase.put(caseId, coordinator);
                if (i % 2 == 0) {
                    diagnosisOfCase.put(caseId, api.recordDiagnosis(coordinator, caseId, "POVERTY", "UNEMPLOYMENT"));
                }
            }
            first.kill();
        }

        try (RunningApplication second = new RunningApplication(dataDir)) {
            Duration restart = second.start();
            System.out.printf("restart of the embedded default after SIGKILL: %d ms%n", restart.toMillis());
            ApiClient api = new ApiClient(second.port());

            Eventually.within(Duration.ofSeconds(60), () -> {
                for (Map.Entry<String, String> acknowledged : coordinatorOfCase.entrySet()) {
                    String caseId = acknowledged.getKey();
                    JsonNode file = api.get("celina", "/api/cases/" + caseId).expect(200).json();
                    assertThat(file.get("coordinatorId").asString()).isEqualTo(acknowledged.getValue());
                    String diagnosisId = diagnosisOfCase.get(caseId);
                    if (diagnosisId == null) {
                        assertThat(file.get("version").asLong()).isZero();
                    } else {
                        assertThat(file.get("version").asLong()).isEqualTo(1);
                        assertThat(file.at("/diagnoses/0/diagnosisId").asString()).isEqualTo(diagnosisId);
                    }
                }
                for (String coordinator : List.of("anna", "bartek")) {
                    List<String> caseload = api.get(coordinator, "/api/caseload").expect(200).json().get("cases")
                            .valueStream().map(entry -> entry.get("caseId").asString()).toList();
                    List<String> expected = coordinatorOfCase.entrySet().stream()
                            .filter(entry -> entry.getValue().equals(coordinator)).map(Map.Entry::getKey).toList();
                    assertThat(caseload).containsExactlyInAnyOrderElementsOf(expected);
                    for (String caseId : expected) {
                        JsonNode line = FamilyCaseSliceTest.lineOf(api.get(coordinator, "/api/caseload").json(), caseId);
                        assertThat(line.at("/status/code").asString())
                                .isEqualTo(diagnosisOfCase.containsKey(caseId) ? "DIAGNOSED" : "OPENED");
                    }
                }
            });

            // and the restarted application takes writes as before
            api.recordDiagnosis("bartek", coordinatorOfCase.keySet().stream().skip(1).findFirst().orElseThrow(), "ADDICTION");
        }
    }
}
