package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes racing on one case without If-Match: none lost, none doubled, none a 500. */
class ConcurrentWritesTest extends EmbeddedApplicationTest {

    private static final Map<String, Object> POVERTY = ApiClient.diagnosis("POVERTY");

    private static final int WRITES = 16;

    @Test
    void concurrentDiagnosesOfOneCaseAllSucceedEachAtItsOwnVersion() throws Exception {
        String caseId = api.openCase("anna", "Nowak");

        List<ApiClient.Response> responses = Races.concurrently(WRITES,
                i -> api.post("anna", "/api/cases/" + caseId + "/diagnoses", POVERTY));

        Races.assertEachSucceededAtItsOwnVersion(responses);
        assertThat(responses.stream().map(response -> response.json().get("diagnosisId").asString()).distinct())
                .hasSize(WRITES);
        assertThat(eventsOfCase(caseId)).isEqualTo(WRITES + 1);
        Eventually.within(Duration.ofSeconds(15), () -> {
            var file = api.get("anna", "/api/cases/" + caseId).expect(200).json();
            assertThat(file.get("version").asLong()).isEqualTo(WRITES);
            assertThat(file.get("diagnoses").size()).isEqualTo(WRITES);
        });
    }
}
