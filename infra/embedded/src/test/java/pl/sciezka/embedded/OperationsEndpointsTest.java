package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the engineer who runs it watches: health with its parts, and Prometheus metrics of Axon. */
class OperationsEndpointsTest extends EmbeddedApplicationTest {

    @Test
    void healthIsUpWithTheEventStoreDatabaseAndMongo() {
        JsonNode health = api.get(null, "/actuator/health").expect(200).json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/mongo/status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsCommandEventStoreAndProcessorMetrics() {
        api.recordDiagnosis("anna", api.openCase("anna", "Metryka"), "POVERTY");

        String metrics = Eventually.get(java.time.Duration.ofSeconds(15), () -> {
            String body = api.get(null, "/actuator/prometheus").expect(200).body();
            assertThat(body).contains("commandBus_", "eventStore_", "eventProcessor_");
            return body;
        });
        assertThat(metrics).contains("payloadType=\"OpenFamilyCase\"", "processorName=\"case-file\"",
                "processorName=\"caseload\"");
    }
}
