package pl.sciezka.api.familycase;

import pl.sciezka.api.CodeList;

/** The generation of a family member; the programme is addressed to three-generation families. */
public enum Generation implements CodeList {
    GRANDPARENT("dziadkowie", "grandparent"),
    PARENT("rodzice", "parent"),
    CHILD("dzieci", "child");

    private final String labelPl;
    private final String labelEn;

    Generation(String labelPl, String labelEn) {
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
