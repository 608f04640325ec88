package pl.sciezka.query.network;

import java.math.BigDecimal;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import pl.sciezka.api.network.OfferingCategory;

/**
 * One offering of the support network's catalogue, by its id; only the offering's own events write it.
 * Its referrals are {@link ReferralLine}s.
 */
@Document("network_offerings")
class OfferingDocument extends SequencedDocument {

    @Id
    String offeringId;
    String institutionId;
    OfferingCategory category;
    String name;
    String unit;
    BigDecimal unitCost;
    int capacity;
    boolean withdrawn;

    static OfferingDocument of(String offeringId) {
        OfferingDocument offering = new OfferingDocument();
        offering.offeringId = offeringId;
        return offering;
    }
}
