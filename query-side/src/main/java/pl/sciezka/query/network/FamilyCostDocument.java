package pl.sciezka.query.network;

import java.math.BigDecimal;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What the support network has cost one family so far, by case id; only that case's events write it. */
@Document("network_family_costs")
class FamilyCostDocument extends SequencedDocument {

    @Id
    String caseId;
    int referrals;
    int deliveries;
    BigDecimal unitsDelivered = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;

    static FamilyCostDocument of(String caseId) {
        FamilyCostDocument family = new FamilyCostDocument();
        family.caseId = caseId;
        return family;
    }
}
