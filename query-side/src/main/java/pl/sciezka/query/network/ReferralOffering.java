package pl.sciezka.query.network;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Which offering a referral was issued to: later events of a referral name only the referral. */
@Document("network_referral_offerings")
record ReferralOffering(@Id String referralId, String offeringId) {
}
