package pl.sciezka.api.familycase;

import pl.sciezka.api.CodeList;

/** The household's housing situation at a measurement. */
public enum Housing implements CodeList {
    STABLE("stabilna", "stable"),
    INADEQUATE("niewystarczające warunki", "inadequate"),
    AT_RISK("zagrożenie utratą mieszkania", "at risk of losing it"),
    HOMELESS("bezdomność", "homeless");

    private final String labelPl;
    private final String labelEn;

    Housing(String labelPl, String labelEn) {
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
