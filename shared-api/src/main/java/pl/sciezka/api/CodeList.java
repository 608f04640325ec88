package pl.sciezka.api;

/**
 * A value of a code list: clients send the English {@code code} (the enum name), readers get a
 * Polish label, the language of the people who use the system, and an English one.
 */
public interface CodeList {

    String name();

    String labelPl();

    String labelEn();

    default String code() {
        return name();
    }
}
