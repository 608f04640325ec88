package pl.sciezka.api.familycase;

import pl.sciezka.api.CodeList;

/** Where a case stands in its lifecycle. */
public enum CaseStatus implements CodeList {
    OPENED("otwarta", "opened"),
    DIAGNOSED("zdiagnozowana", "diagnosed"),
    IN_SUPPORT("w realizacji planu wsparcia", "support plan in progress"),
    CLOSURE_REQUESTED("wniosek o zamknięcie", "closure requested"),
    CLOSED("zamknięta", "closed"),
    REOPENED("wznowiona", "reopened");

    private final String labelPl;
    private final String labelEn;

    CaseStatus(String labelPl, String labelEn) {
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
