package pl.sciezka.api.network;

import java.math.BigDecimal;

/** One offering of the catalogue with the institution that offers it. */
public record CatalogueEntry(String offeringId, String institutionId, String institutionName,
                             InstitutionKind institutionKind, OfferingCategory category, String name, String unit,
                             BigDecimal unitCost, int capacity, boolean withdrawn) {
}
