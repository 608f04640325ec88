package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What the engineer who runs it watches: health with its parts, and Prometheus metrics of Axon. */
class OperationsEndpointsTest extends EmbeddedApplicationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void healthIsUpWithTheEventStoreDatabaseAndMongo() {
        JsonNode health = api.get(null, "/actuator/health").expect(200).json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/mongo/status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessIsDownWhileAnEventProcessorIsStopped() {
        ApiClient.Response ready = api.get(null, "/actuator/health/readiness").expect(200);
        assertThat(ready.json().at("/components/eventProcessors/details/network/running").asBoolean()).isTrue();

        EventProcessor network = processing.eventProcessor("network").orElseThrow();
        network.shutDown();
        try {
            JsonNode notReady = api.get(null, "/actuator/health/readiness").expect(503).json();
            assertThat(notReady.at("/components/eventProcessors/status").asString()).isEqualTo("DOWN");
            assertThat(notReady.at("/components/eventProcessors/details/network/running").asBoolean()).isFalse();
            assertThat(api.get(null, "/actuator/health/liveness").expect(200).json().get("status").asString())
                    .isEqualTo("UP");
        } finally {
            network.start();
        }
        api.get(null, "/actuator/health/readiness").expect(200);
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

    /** Spring Security's observations of every filter are off; the requests' own, which alerts use, stay. */
    @Test
    void requestsAreMeasuredWithoutAnObservationOfEverySecurityFilter() {
        api.get("anna", "/api/caseload").expect(200);
        String metrics = Eventually.get(java.time.Duration.ofSeconds(15), () -> {
            String body = api.get(null, "/actuator/prometheus").expect(200).body();
            assertThat(body).contains("http_server_requests_seconds_count{");
            return body;
        });
        assertThat(metrics).doesNotContain("spring_security_");
    }
}
