package pl.sciezka.api.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A service delivered under a referral. */
public record CaseFileDelivery(String deliveryId,
                               LocalDate deliveredOn,
                               BigDecimal units,
                               List<String> memberIds,
                               BigDecimal cost,
                               String recordedBy) {
}
