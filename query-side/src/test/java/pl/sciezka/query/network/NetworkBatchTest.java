package pl.sciezka.query.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import pl.sciezka.query.projection.BatchEquivalence;
import pl.sciezka.query.projection.FamilyHistory;
import pl.sciezka.query.projection.ReadModelWriter;

/**
 * The network's documents are the same one per batch or a hundred, including the offering that every
 * case's referral line and the offering's own catalogue fields share (written field by field).
 */
class NetworkBatchTest {

    @Test
    void fullBatchesLeaveTheSameNetworkAsOneEventPerBatch() {
        var documents = BatchEquivalence.assertSameDocuments(NetworkProjection.NAME,
                mongo -> new NetworkProjection(new ReadModelWriter(mongo), mongo), FamilyHistory.of(7),
                List.of("network_offerings", "network_institutions", "network_referral_offerings", "network_family_costs"));
        Document offering = documents.get("network_offerings").get(0);
        assertThat(offering.getString("name")).isEqualTo("Staż");
        assertThat(offering.get("referrals", Document.class)).hasSize(7).allSatisfy((referral, line) -> {
            assertThat(((Document) line).getString("answer")).isEqualTo("ACCEPTED");
            assertThat(((Document) line).getInteger("deliveries")).isEqualTo(2);
        });
        assertThat(documents.get("network_family_costs")).hasSize(7)
                .allSatisfy(family -> assertThat(family.getInteger("deliveries")).isEqualTo(2));
    }
}
