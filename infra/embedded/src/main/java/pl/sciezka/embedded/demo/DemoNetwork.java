package pl.sciezka.embedded.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The support network of Wodzisław Śląski the demo families are referred to: the labour office
 * (whose staff is the provider user {@code pup}), a school, a counselling centre, addiction therapy,
 * childcare and a social integration centre.
 */
final class DemoNetwork {

    /** What a referral is for; each maps to one offering. */
    enum Service { INTERNSHIP, SOCIAL_INTEGRATION, FAMILY_COUNSELLING, ADDICTION_THERAPY, TUTORING, CHILDCARE }

    private final Map<Service, String> offeringIds = new EnumMap<>(Service.class);

    static DemoNetwork register(DemoApi api) {
        DemoNetwork network = new DemoNetwork();
        String pup = institution(api, "Powiatowy Urząd Pracy w Wodzisławiu Śląskim", "LABOUR_OFFICE", List.of("pup"));
        String school = institution(api, "Szkoła Podstawowa nr 9 w Wilchwach", "SCHOOL", List.of());
        String counselling = institution(api, "Poradnia Psychologiczno-Pedagogiczna", "COUNSELLING_CENTRE", List.of());
        String therapy = institution(api, "Poradnia Terapii Uzależnień", "HEALTH_CARE", List.of());
        String childcare = institution(api, "Stowarzyszenie Świetlica Wilchwy", "NGO", List.of());
        String cis = institution(api, "Centrum Integracji Społecznej", "SOCIAL_INTEGRATION_CENTRE", List.of());
        network.offer(api, Service.INTERNSHIP, pup, "VOCATIONAL_ACTIVATION", "Staż zawodowy", "month", 1250.50, 40);
        network.offer(api, Service.SOCIAL_INTEGRATION, cis, "VOCATIONAL_ACTIVATION",
                "Reintegracja społeczna i zawodowa", "month", 980, 30);
        network.offer(api, Service.FAMILY_COUNSELLING, counselling, "SPECIALIST_COUNSELLING",
                "Poradnictwo rodzinne", "session", 120, 60);
        network.offer(api, Service.ADDICTION_THERAPY, therapy, "HEALTH", "Terapia uzależnień", "session", 150, 25);
        network.offer(api, Service.TUTORING, school, "EDUCATION", "Zajęcia wyrównawcze", "hour", 60, 80);
        network.offer(api, Service.CHILDCARE, childcare, "CHILDCARE", "Opieka świetlicowa", "day", 45, 40);
        return network;
    }

    String offeringId(Service service) {
        return offeringIds.get(service);
    }

    /** Only the labour office has a provider user; elsewhere the coordinator records the answer. */
    static String acceptingUser(Service service, String coordinator) {
        return service == Service.INTERNSHIP ? "pup" : coordinator;
    }

    private static String institution(DemoApi api, String name, String kind, List<String> staff) {
        return api.post("admin", "/api/network/institutions", Map.of("name", name, "kind", kind,
                "staffUserIds", staff)).get("institutionId").asString();
    }

    private void offer(DemoApi api, Service service, String institutionId, String category, String name,
                       String unit, double unitCost, int capacity) {
        offeringIds.put(service, api.post("admin", "/api/network/offerings", Map.of("institutionId", institutionId,
                "category", category, "name", name, "unit", unit, "unitCost", unitCost, "capacity", capacity))
                .get("offeringId").asString());
    }
}
