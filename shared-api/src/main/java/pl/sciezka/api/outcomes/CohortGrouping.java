package pl.sciezka.api.outcomes;

import pl.sciezka.api.CodeList;

/** How families are grouped into cohorts. */
public enum CohortGrouping implements CodeList {
    ENROLMENT_YEAR("rok przyjęcia", "year of enrolment"),
    DISTRICT("dzielnica", "district"),
    PROBLEM_AREA("obszar problemowy", "problem area"),
    SERVICE_DOSE("liczba usług", "service dose");

    private final String labelPl;
    private final String labelEn;

    CohortGrouping(String labelPl, String labelEn) {
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
