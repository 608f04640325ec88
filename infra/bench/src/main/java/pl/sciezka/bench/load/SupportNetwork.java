package pl.sciezka.bench.load;

import java.util.List;
import java.util.Map;
import pl.sciezka.bench.client.Api;

/** The labour office (provider user {@code pup} on its staff) and an internship it offers, made through the API. */
public record SupportNetwork(String institutionId, String offeringId, String unitCost) {

    public static SupportNetwork create(Api api) {
        String institutionId = api.post("admin", "/api/network/institutions", Map.of("name", "PUP Wodzisław Śląski",
                "kind", "LABOUR_OFFICE", "staffUserIds", List.of("pup"))).expectOk().id();
        String unitCost = "1250.50";
        String offeringId = api.post("admin", "/api/network/offerings", Map.of("institutionId", institutionId,
                "category", "VOCATIONAL_ACTIVATION", "name", "Staż zawodowy", "unit", "month",
                "unitCost", Double.parseDouble(unitCost), "capacity", 100_000)).expectOk().id();
        return new SupportNetwork(institutionId, offeringId, unitCost);
    }

    /** How the synthetic generator names this offering: {@code offeringId:institutionId:unitCost:provider}. */
    public String asSyntheticOffering() {
        return offeringId + ":" + institutionId + ":" + unitCost + ":pup";
    }
}
