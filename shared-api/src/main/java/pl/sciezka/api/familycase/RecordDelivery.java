package pl.sciezka.api.familycase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a service delivered under an accepted referral. */
public record RecordDelivery(@TargetAggregateIdentifier String caseId, String referralId, String deliveryId, LocalDate deliveredOn, BigDecimal units, List<String> memberIds) {

    public RecordDelivery {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
