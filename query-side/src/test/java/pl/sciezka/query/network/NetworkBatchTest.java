package pl.sciezka.query.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import pl.sciezka.query.projection.BatchEquivalence;
import pl.sciezka.query.projection.FamilyHistory;
import pl.sciezka.query.projection.ReadModelWriter;

/**
 * The network's documents are the same one per batch or a hundred: the offering, one line per referral
 * to it, and each family's costs.
 */
class NetworkBatchTest {

    @Test
    void fullBatchesLeaveTheSameNetworkAsOneEventPerBatch() {
        var documents = BatchEquivalence.assertSameDocuments(NetworkProjection.NAME,
                mongo -> new NetworkProjection(new ReadModelWriter(mongo), mongo), FamilyHistory.of(7),
                List.of("network_offerings", "network_institutions", "network_referral_lines", "network_family_costs"));
        Document offering = documents.get("network_offerings").get(0);
        assertThat(offering.getString("name")).isEqualTo("Staż");
        assertThat(documents.get("network_referral_lines")).hasSize(7).allSatisfy(line -> {
            assertThat(line.getString("offeringId")).isEqualTo(offering.getString("_id"));
            assertThat(line.getString("answer")).isEqualTo("ACCEPTED");
            assertThat(line.getInteger("deliveries")).isEqualTo(2);
        });
        assertThat(documents.get("network_family_costs")).hasSize(7)
                .allSatisfy(family -> assertThat(family.getInteger("deliveries")).isEqualTo(2));
    }
}
