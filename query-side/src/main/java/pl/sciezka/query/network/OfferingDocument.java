package pl.sciezka.query.network;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import pl.sciezka.api.network.OfferingCategory;

/**
 * One offering of the support network, looked up by its id: the catalogue entry and one line per
 * referral to it. Two streams write here and may run in parallel: the offering's own events set the
 * catalogue fields (guarded by {@code offeringVersion}, the offering's sequence number), and each
 * case sets only the lines of its own referrals (each guarded by the case's sequence number), field
 * by field, so neither overwrites the other and a redelivered event changes nothing.
 */
@Document(OfferingDocument.COLLECTION)
class OfferingDocument {

    static final String COLLECTION = "network_offerings";

    @Id
    String offeringId;
    String institutionId;
    OfferingCategory category;
    String name;
    String unit;
    BigDecimal unitCost;
    int capacity;
    boolean withdrawn;
    /** The offering's last applied sequence number; absent while only referrals to it have been seen. */
    Long offeringVersion;
    Map<String, ReferralLine> referrals = new LinkedHashMap<>();

    boolean listed() {
        return offeringVersion != null;
    }

    /**
     * What usage figures need of one referral, and nothing personal. {@code version} is the sequence
     * number of the case's last event applied to this line.
     */
    record ReferralLine(String caseId, LocalDate issuedOn, Answer answer, LocalDate firstServiceOn, int deliveries,
                        BigDecimal units, BigDecimal cost, long version) {

        enum Answer { ACCEPTED, DECLINED }

        static ReferralLine issued(String caseId, LocalDate issuedOn, long version) {
            return new ReferralLine(caseId, issuedOn, null, null, 0, BigDecimal.ZERO, BigDecimal.ZERO, version);
        }

        ReferralLine answered(Answer given, long at) {
            return new ReferralLine(caseId, issuedOn, given, firstServiceOn, deliveries, units, cost, at);
        }

        ReferralLine delivered(LocalDate on, BigDecimal deliveredUnits, BigDecimal deliveryCost, long at) {
            LocalDate first = firstServiceOn == null || on.isBefore(firstServiceOn) ? on : firstServiceOn;
            return new ReferralLine(caseId, issuedOn, answer, first, deliveries + 1, units.add(deliveredUnits),
                    cost.add(deliveryCost == null ? BigDecimal.ZERO : deliveryCost), at);
        }
    }
}
