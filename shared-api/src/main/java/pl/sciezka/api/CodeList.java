package pl.sciezka.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

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

    /**
     * The values, unmodifiable, in the code list's own order. {@code Set.copyOf} iterates in an order
     * that depends on the order the set was filled in, so two readers folding the same events
     * differently (a live view and a rebuilt one) would list the same values differently.
     */
    static <E extends Enum<E>> Set<E> inCodeListOrder(Set<E> values) {
        return values == null || values.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(values));
    }
}
