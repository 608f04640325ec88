package pl.sciezka.api.familycase;

import pl.sciezka.api.CodeList;

public enum Severity implements CodeList {
    LOW("niskie", "low"),
    MEDIUM("średnie", "medium"),
    HIGH("wysokie", "high");

    private final String labelPl;
    private final String labelEn;

    Severity(String labelPl, String labelEn) {
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
