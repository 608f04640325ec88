package pl.sciezka.api.network;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lists a service an institution offers: unit (e.g. "hour", "session"), cost per unit, places. */
public record ListOffering(@TargetAggregateIdentifier String offeringId, String institutionId, OfferingCategory category,
                           String name, String unit, BigDecimal unitCost, int capacity) {
}
