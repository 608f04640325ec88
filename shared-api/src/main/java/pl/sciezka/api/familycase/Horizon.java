package pl.sciezka.api.familycase;

import pl.sciezka.api.CodeList;

/** When an outcome is measured: at enrolment, at exit, and after closure. */
public enum Horizon implements CodeList {
    BASELINE("pomiar wyjściowy", "baseline"),
    EXIT("pomiar na zakończenie", "exit"),
    FOLLOW_UP_6M("6 miesięcy po zamknięciu", "6 months after closure"),
    FOLLOW_UP_12M("12 miesięcy po zamknięciu", "12 months after closure"),
    FOLLOW_UP_24M("24 miesiące po zamknięciu", "24 months after closure");

    private final String labelPl;
    private final String labelEn;

    Horizon(String labelPl, String labelEn) {
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
