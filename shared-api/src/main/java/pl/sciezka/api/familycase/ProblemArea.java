package pl.sciezka.api.familycase;

import pl.sciezka.api.CodeList;

/**
 * Reasons for social assistance, art. 7 of the Social Assistance Act (<i>ustawa o pomocy
 * społecznej</i>). The statutory list is open and has changed over time, so every diagnosis
 * records the {@link #CODE_LIST_VERSION} it was coded with.
 */
public enum ProblemArea implements CodeList {
    POVERTY("ubóstwo", "poverty"),
    ORPHANHOOD("sieroctwo", "orphanhood"),
    HOMELESSNESS("bezdomność", "homelessness"),
    UNEMPLOYMENT("bezrobocie", "unemployment"),
    DISABILITY("niepełnosprawność", "disability"),
    LONG_TERM_ILLNESS("długotrwała lub ciężka choroba", "long-term or serious illness"),
    DOMESTIC_VIOLENCE("przemoc domowa", "domestic violence"),
    HUMAN_TRAFFICKING("potrzeba ochrony ofiar handlu ludźmi", "protection of victims of trafficking"),
    MATERNITY_OR_LARGE_FAMILY("potrzeba ochrony macierzyństwa lub wielodzietności",
            "protection of maternity or of a large family"),
    HELPLESSNESS_IN_CARE_AND_HOUSEHOLD(
            "bezradność w sprawach opiekuńczo-wychowawczych i prowadzenia gospodarstwa domowego",
            "helplessness in care, upbringing and running a household"),
    INTEGRATION_OF_FOREIGNERS("trudności w integracji cudzoziemców", "integration of foreigners"),
    AFTER_PRISON("trudności w przystosowaniu do życia po zwolnieniu z zakładu karnego",
            "adjusting to life after prison"),
    ADDICTION("alkoholizm lub narkomania", "alcoholism or drug addiction"),
    CRISIS_EVENT("zdarzenie losowe i sytuacja kryzysowa", "random event and crisis"),
    NATURAL_DISASTER("klęska żywiołowa lub ekologiczna", "natural or ecological disaster");

    /** The version of art. 7 this list follows (consolidated text of the Act, 2023). */
    public static final String CODE_LIST_VERSION = "art7-2023";

    private final String labelPl;
    private final String labelEn;

    ProblemArea(String labelPl, String labelEn) {
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
