package pl.sciezka.api;

/** The roles of the design brief; a user has exactly one. */
public enum Role implements CodeList {
    CASEWORKER("pracownik socjalny", "caseworker"),
    SPECIALIST("specjalista ds. dziedziczonego ubóstwa", "inherited-poverty specialist"),
    SUPERVISOR("superwizor", "supervisor"),
    EVALUATOR("ewaluator", "evaluator"),
    PROVIDER("realizator usług", "service provider"),
    ADMIN("administrator", "administrator");

    private final String labelPl;
    private final String labelEn;

    Role(String labelPl, String labelEn) {
        this.labelPl = labelPl;
        this.labelEn = labelEn;
    }

    /** Whether {@code name} is a role, so foreign role names from an identity provider are skipped. */
    public static boolean isKnown(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
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
