package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pl.sciezka.bench.client.Api;
import pl.sciezka.bench.hostile.HostileCampaign;
import pl.sciezka.bench.hostile.HostileRequest;
import pl.sciezka.bench.hostile.HostileRequests;
import pl.sciezka.bench.hostile.Targets;

/**
 * Malformed and hostile requests across every write endpoint, from the bench's generator at a small
 * size (every family of tries and every endpoint at least once; the harness sends all of them): none
 * gets a 5xx or a success, every answer is an RFC 9457 problem, and none stores an event.
 */
class HostileInputTest extends EmbeddedApplicationTest {

    private static final int REQUESTS = 400;

    @Test
    void hostileRequestsAreRefusedAsProblemsAndStoreNothing() {
        Api client = new Api(port);
        List<HostileRequest> requests = HostileRequests.sample(Targets.prepare(client), REQUESTS, 20261123L);

        HostileCampaign.Outcome outcome = HostileCampaign.run(client, requests, this::storedEvents);

        System.out.printf("%d hostile requests, answers by status: %s%n", outcome.sent(), outcome.byStatus());
        assertThat(outcome.sent()).isGreaterThanOrEqualTo(REQUESTS);
        assertThat(outcome.violations()).isEmpty();
    }
}
