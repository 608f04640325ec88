package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The network's aggregates are loaded without a lock, so races on one of them are settled by the event
 * store alone: of withdrawals sent at once exactly one lands, the others are refused as a conflict.
 */
class NetworkRacesTest extends EmbeddedApplicationTest {

    private static final int WITHDRAWALS = 8;

    @Test
    void ofWithdrawalsOfOneOfferingSentAtOnceExactlyOneLands() throws Exception {
        String offeringId = api.listOffering(api.registerInstitution("Poradnia (race test)"),
                "SPECIALIST_COUNSELLING", "Terapia", "session", "100.00");

        List<ApiClient.Response> responses = Races.concurrently(WITHDRAWALS, i -> api.post("admin",
                "/api/network/offerings/" + offeringId + "/withdrawal", Map.of("reason", "race " + i)));

        assertThat(responses.stream().filter(response -> response.status() == 200)).hasSize(1);
        assertThat(responses.stream().filter(response -> response.status() != 200)).allSatisfy(refused -> {
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        });
        assertThat(eventsOfCase(offeringId)).as("listed and withdrawn once").isEqualTo(2);
    }
}
