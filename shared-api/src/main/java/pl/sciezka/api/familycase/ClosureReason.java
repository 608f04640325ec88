package pl.sciezka.api.familycase;

import pl.sciezka.api.CodeList;

/** Why a coordinator asks to close a case. */
public enum ClosureReason implements CodeList {
    GOALS_ACHIEVED("osiągnięcie celów", "goals achieved"),
    FAMILY_MOVED("zmiana miejsca zamieszkania", "family moved"),
    COOPERATION_REFUSED("odmowa współpracy", "cooperation refused"),
    OTHER("inny", "other");

    private final String labelPl;
    private final String labelEn;

    ClosureReason(String labelPl, String labelEn) {
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
