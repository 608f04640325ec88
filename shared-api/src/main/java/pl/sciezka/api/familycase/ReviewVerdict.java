package pl.sciezka.api.familycase;

import pl.sciezka.api.CodeList;

/** A supervisor's review of an earlier decision. */
public enum ReviewVerdict implements CodeList {
    ENDORSED("zatwierdzona", "endorsed"),
    QUERIED("zakwestionowana", "queried");

    private final String labelPl;
    private final String labelEn;

    ReviewVerdict(String labelPl, String labelEn) {
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
