package pl.sciezka.api.outcomes;

import pl.sciezka.api.CodeList;

/**
 * Where cohort figures come from: cells kept up to date as events arrive (the default definition),
 * or a pass over every family's outcomes (an evaluator's own definition, or when asked to recompute).
 */
public enum CohortSource implements CodeList {
    PRECOMPUTED_CELLS("komórki liczone na bieżąco", "cells kept up to date"),
    SCAN("przeliczenie wszystkich rodzin", "every family recomputed");

    private final String labelPl;
    private final String labelEn;

    CohortSource(String labelPl, String labelEn) {
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
