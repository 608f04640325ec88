package pl.sciezka.api.familycase;

import pl.sciezka.api.CodeList;

/** Where a referral to the support network stands. */
public enum ReferralStatus implements CodeList {
    ISSUED("wystawione", "issued"),
    ACCEPTED("przyjęte", "accepted"),
    DECLINED("odrzucone", "declined"),
    COMPLETED("zakończone", "completed"),
    REVOKED("cofnięte", "revoked"),
    DROPPED_OUT("przerwane", "dropped out");

    private final String labelPl;
    private final String labelEn;

    ReferralStatus(String labelPl, String labelEn) {
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
