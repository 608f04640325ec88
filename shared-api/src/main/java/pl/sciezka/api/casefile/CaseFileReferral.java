package pl.sciezka.api.casefile;

import java.time.Instant;
import java.util.List;
import pl.sciezka.api.familycase.ReferralOutcome;
import pl.sciezka.api.familycase.ReferralStatus;

/** A referral with its deliveries. */
public record CaseFileReferral(String referralId,
                               String offeringId,
                               String institutionId,
                               List<String> memberIds,
                               String goalId,
                               String reason,
                               ReferralStatus status,
                               Instant issuedAt,
                               Instant answeredAt,
                               String statusReason,
                               ReferralOutcome outcome,
                               List<CaseFileDelivery> deliveries) {
}
