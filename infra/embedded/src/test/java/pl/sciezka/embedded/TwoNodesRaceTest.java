package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two command-side nodes on one event store, as when the command side scales out. Within one node
 * Axon's aggregate lock queues writes to a case; across nodes they really race, and the loser must
 * be sent again against the new state rather than answered 409 or 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesRaceTest extends EmbeddedApplicationTest {

    private static final Map<String, Object> POVERTY = ApiClient.diagnosis("POVERTY");

    private static final int WRITES = 16;

    @Value("${spring.datasource.url}")
    String eventStoreUrl;

    @Autowired
    @Qualifier("familyCaseCache")
    Cache firstNodeCases;

    private ConfigurableApplicationContext secondNode;
    private ApiClient second;

    @BeforeAll
    void startSecondNode() throws Exception {
        secondNode = new SpringApplication(SciezkaApplication.class).run(
                "--server.port=0",
                "--sciezka.data-dir=" + Files.createTempDirectory("sciezka-second-node"),
                "--spring.datasource.url=" + eventStoreUrl);
        second = new ApiClient(((WebServerApplicationContext) secondNode).getWebServer().getPort());
    }

    @AfterAll
    void stopSecondNode() {
        secondNode.close();
    }

    @Test
    void diagnosesRacingOnTwoNodesAllSucceedEachAtItsOwnVersion() throws Exception {
        String caseId = api.openCase("anna", "Nowak");

        List<ApiClient.Response> responses = Races.concurrently(WRITES,
                i -> nodeFor(i).post("anna", "/api/cases/" + caseId + "/diagnoses", POVERTY));

        Races.assertEachSucceededAtItsOwnVersion(responses);
        assertThat(eventsOfCase(caseId)).isEqualTo(WRITES + 1);
    }

    /**
     * Each node keeps the cases it wrote in memory (sciezka.commands.case-cache-size), so the first
     * node still holds this case at version 1 when the second writes version 2. Its next write must
     * not be decided on that stale copy: the append collides, the copy is dropped, and the write is
     * sent again against the stored events.
     */
    @Test
    void aNodeWhoseCachedCaseIsBehindWritesAtTheStoredVersion() {
        assertThat(firstNodeCases).isNotSameAs(NoCache.INSTANCE);
        String caseId = api.openCase("anna", "Nowak");
        api.post("anna", "/api/cases/" + caseId + "/diagnoses", POVERTY).expect(201);

        assertThat(second.post("anna", "/api/cases/" + caseId + "/diagnoses", POVERTY).expect(201)
                .header("ETag")).isEqualTo("\"2\"");
        assertThat(api.post("anna", "/api/cases/" + caseId + "/diagnoses", POVERTY).expect(201)
                .header("ETag")).isEqualTo("\"3\"");
        assertThat(eventsOfCase(caseId)).isEqualTo(4);
    }

    @Test
    void oneRequestRepeatedOnBothNodesAtOnceIsHandledOnce() throws Exception {
        String caseId = api.openCase("anna", "Nowak");
        String key = UUID.randomUUID().toString();

        List<ApiClient.Response> responses = Races.concurrently(8, i -> nodeFor(i).post("anna",
                "/api/cases/" + caseId + "/diagnoses", POVERTY, "Idempotency-Key", key));

        Races.assertAllSame(responses);
        responses.get(0).expect(201);
        assertThat(eventsOfCase(caseId)).isEqualTo(2);
    }

    private ApiClient nodeFor(int request) {
        return request % 2 == 0 ? api : second;
    }
}
