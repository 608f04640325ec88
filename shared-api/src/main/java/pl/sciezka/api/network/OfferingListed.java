package pl.sciezka.api.network;

import java.math.BigDecimal;

public record OfferingListed(String offeringId, String institutionId, OfferingCategory category, String name,
                             String unit, BigDecimal unitCost, int capacity) {
}
