package pl.sciezka.api.familycase;

import pl.sciezka.api.CodeList;

/** Where a diagnosis comes from. */
public enum DiagnosisSource implements CodeList {
    COMMUNITY_INTERVIEW("rodzinny wywiad środowiskowy", "family community interview"),
    TASK_TEAM("zespół zadaniowy", "task team"),
    SPECIALIST_ASSESSMENT("ocena specjalisty", "specialist assessment");

    private final String labelPl;
    private final String labelEn;

    DiagnosisSource(String labelPl, String labelEn) {
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
