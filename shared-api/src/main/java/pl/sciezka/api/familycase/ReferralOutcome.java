package pl.sciezka.api.familycase;

import pl.sciezka.api.CodeList;

/** How a completed referral ended for the family. */
public enum ReferralOutcome implements CodeList {
    GOAL_ACHIEVED("cel osiągnięty", "goal achieved"),
    PARTIALLY_ACHIEVED("cel osiągnięty częściowo", "partially achieved"),
    NOT_ACHIEVED("cel nieosiągnięty", "not achieved");

    private final String labelPl;
    private final String labelEn;

    ReferralOutcome(String labelPl, String labelEn) {
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
