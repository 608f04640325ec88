package pl.sciezka.api.network;

import pl.sciezka.api.CodeList;

/** Kinds of partner institutions of the support network (<i>sieć wsparcia</i>). */
public enum InstitutionKind implements CodeList {
    LABOUR_OFFICE("powiatowy urząd pracy", "labour office"),
    SCHOOL("szkoła", "school"),
    HEALTH_CARE("ochrona zdrowia", "health care"),
    NGO("organizacja pozarządowa", "NGO"),
    SOCIAL_INTEGRATION_CENTRE("centrum integracji społecznej", "social integration centre"),
    COUNSELLING_CENTRE("poradnia", "counselling centre"),
    OTHER("inna", "other");

    private final String labelPl;
    private final String labelEn;

    InstitutionKind(String labelPl, String labelEn) {
        this.labelPl = labelPl;
        this.labelEn = labelEn;
    }

    @Override
    public String labelPl() {
        return labelPl;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }
}
