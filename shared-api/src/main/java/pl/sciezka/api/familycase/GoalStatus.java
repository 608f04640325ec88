package pl.sciezka.api.familycase;

import pl.sciezka.api.CodeList;

/** Where a goal of the support plan stands. */
public enum GoalStatus implements CodeList {
    OPEN("w realizacji", "open"),
    ACHIEVED("osiągnięty", "achieved"),
    ABANDONED("zaniechany", "abandoned");

    private final String labelPl;
    private final String labelEn;

    GoalStatus(String labelPl, String labelEn) {
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
