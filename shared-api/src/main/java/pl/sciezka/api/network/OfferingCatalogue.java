package pl.sciezka.api.network;

import java.util.List;

/** Every offering the support network has listed, withdrawn ones included, by institution and name. */
public record OfferingCatalogue(List<CatalogueEntry> offerings) {

    public OfferingCatalogue {
        offerings = offerings == null ? List.of() : List.copyOf(offerings);
    }
}
