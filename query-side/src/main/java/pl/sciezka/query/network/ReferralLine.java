package pl.sciezka.query.network;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What usage figures need of one referral, and nothing personal: a document of its own, by referral
 * id, that only its case's events write. It is not kept inside its offering's document: an offering
 * gathers referrals for as long as it is listed, and a document that grows with them costs more on
 * every write and would in the end pass MongoDB's 16 MB limit for one document. {@code version} is
 * the sequence number of the case's last event applied to the line.
 */
@Document("network_referral_lines")
record ReferralLine(@Id String referralId, String offeringId, String caseId, LocalDate issuedOn, Answer answer,
                    LocalDate firstServiceOn, int deliveries, BigDecimal units, BigDecimal cost, long version) {

    enum Answer { ACCEPTED, DECLINED }

    static ReferralLine issued(String referralId, String offeringId, String caseId, LocalDate issuedOn, long version) {
        return new ReferralLine(referralId, offeringId, caseId, issuedOn, null, null, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, version);
    }

    ReferralLine answered(Answer given, long at) {
        return new ReferralLine(referralId, offeringId, caseId, issuedOn, given, firstServiceOn, deliveries, units,
                cost, at);
    }

    ReferralLine delivered(LocalDate on, BigDecimal deliveredUnits, BigDecimal deliveryCost, long at) {
        LocalDate first = firstServiceOn == null || on.isBefore(firstServiceOn) ? on : firstServiceOn;
        return new ReferralLine(referralId, offeringId, caseId, issuedOn, answer, first, deliveries + 1,
                units.add(deliveredUnits), cost.add(deliveryCost == null ? BigDecimal.ZERO : deliveryCost), at);
    }
}
