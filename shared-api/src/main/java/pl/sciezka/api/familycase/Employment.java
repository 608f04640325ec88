package pl.sciezka.api.familycase;

import pl.sciezka.api.CodeList;

/** Employment status of an adult at a measurement. */
public enum Employment implements CodeList {
    EMPLOYED("pracujący", "employed"),
    UNEMPLOYED("bezrobotny", "unemployed"),
    INACTIVE("bierny zawodowo", "economically inactive"),
    RETIRED("emeryt lub rencista", "retired or pensioner");

    private final String labelPl;
    private final String labelEn;

    Employment(String labelPl, String labelEn) {
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
