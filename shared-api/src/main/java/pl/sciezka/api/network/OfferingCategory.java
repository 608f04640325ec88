package pl.sciezka.api.network;

import pl.sciezka.api.CodeList;

/** Categories of services the support network offers. */
public enum OfferingCategory implements CodeList {
    SPECIALIST_COUNSELLING("poradnictwo specjalistyczne", "specialist counselling"),
    VOCATIONAL_ACTIVATION("aktywizacja zawodowa", "vocational activation"),
    HEALTH("zdrowie i terapia uzależnień", "health and addiction therapy"),
    CHILDCARE("opieka nad dziećmi", "childcare"),
    EDUCATION("edukacja", "education"),
    HOUSING("mieszkalnictwo", "housing"),
    OTHER("inne", "other");

    private final String labelPl;
    private final String labelEn;

    OfferingCategory(String labelPl, String labelEn) {
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
