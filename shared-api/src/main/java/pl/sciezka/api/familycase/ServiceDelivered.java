package pl.sciezka.api.familycase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A service was delivered; cost = units × the referral's unit cost. */
public record ServiceDelivered(String caseId, String referralId, String deliveryId, LocalDate deliveredOn, BigDecimal units, List<String> memberIds, BigDecimal cost) implements FamilyCaseEvent {

    public ServiceDelivered {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
