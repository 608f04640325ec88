package pl.sciezka.bench.hostile;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.util.RawValue;

/**
 * Values certainly wrong for a field of a given kind: the wrong JSON type, out of bounds, too long,
 * too deep, hostile strings where an id or a code must be, numbers at absurd scales. Each is a
 * (description, value) pair; {@link Endpoint#ABSENT} leaves a required field out.
 */
final class FieldMutations {

    record Mutation(String description, Object value) {
    }

    /** Strings that try SQL, NoSQL, path, template, script and log injection, or break encodings. */
    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "\"; DROP TABLE domain_event_entry; --", "1; SELECT pg_sleep(10)", "$where", "{\"$gt\": \"\"}",
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}",
            "{{7*7}}", "#{7*7}", "%00", "\u0000", "line\r\nX-Injected: yes", "\uD83D\uDE00\u202E", "anna\u0000admin",
            "__proto__", "constructor", "*", "%s%s%s%n", "\uFEFFanna");

    private FieldMutations() {
    }

    /** @param valid the field's value in the valid request, which some mutations start from */
    static List<Mutation> of(Endpoint.Field field, Object valid) {
        List<Mutation> mutations = new ArrayList<>(wrongTypes(field.kind()));
        if (field.required()) {
            mutations.add(new Mutation("null", null));
            mutations.add(new Mutation("left out", Endpoint.ABSENT));
        }
        switch (field.kind()) {
            case TEXT -> {
                if (field.required()) {
                    mutations.add(new Mutation("blank", "   "));
                }
                mutations.add(new Mutation("one character too long", "x".repeat((int) field.max() + 1)));
                mutations.add(new Mutation("200 000 characters", "y".repeat(200_000)));
            }
            case REFERENCE -> {
                INJECTIONS.forEach(value -> mutations.add(new Mutation("hostile id " + printable(value), value)));
                mutations.add(new Mutation("unknown id", "00000000-0000-0000-0000-000000000000"));
                mutations.add(new Mutation("id of 65 characters", "z".repeat(65)));
            }
            case FREE_ID -> {
                mutations.add(new Mutation("blank", "  "));
                mutations.add(new Mutation("one character too long", "x".repeat((int) field.max() + 1)));
            }
            case CODE -> {
                INJECTIONS.forEach(value -> mutations.add(new Mutation("hostile code " + printable(value), value)));
                mutations.add(new Mutation("unknown code", "WEALTH"));
                mutations.add(new Mutation("code in lower case", "poverty"));
            }
            case DATE, PAST_DATE -> {
                for (String date : List.of("yesterday", "2026-13-01", "2026-02-30", "01.02.2026", "-1", "")) {
                    mutations.add(new Mutation("date '" + date + "'", date));
                }
                INJECTIONS.forEach(value -> mutations.add(new Mutation("hostile date " + printable(value), value)));
                if (field.kind() == Endpoint.Kind.PAST_DATE) {
                    mutations.add(new Mutation("tomorrow", LocalDate.now(ZoneId.of("Europe/Warsaw")).plusDays(2).toString()));
                    mutations.add(new Mutation("the last date there is", LocalDate.MAX.toString()));
                }
            }
            case INTEGER -> {
                mutations.add(new Mutation("below the minimum", field.min() - 1));
                mutations.add(new Mutation("above the maximum", field.max() + 1));
                mutations.add(new Mutation("a fraction", new RawValue(valid + ".5")));
                mutations.addAll(absurdNumbers());
            }
            case DECIMAL -> {
                mutations.add(new Mutation("negative", -1));
                if (field.max() > 0) {
                    mutations.add(new Mutation("above the maximum", field.max() + 1));
                }
                mutations.addAll(absurdNumbers());
                mutations.add(new Mutation("1e-999999999", new RawValue("1e-999999999")));
                mutations.add(new Mutation("a thousand fraction digits", new RawValue("1." + "1".repeat(999))));
            }
            case FRACTION -> {
                mutations.add(new Mutation("below 0", -0.1));
                mutations.add(new Mutation("above 1", 1.1));
                mutations.addAll(absurdNumbers());
            }
            case ARRAY -> {
                if (field.max() > 0) {
                    mutations.add(new Mutation("one element too many", Collections.nCopies((int) field.max() + 1, "e")));
                }
                mutations.add(new Mutation("100 000 elements", Collections.nCopies(100_000, 1)));
                mutations.add(new Mutation("null element", Collections.singletonList(null)));
                mutations.add(new Mutation("nested 5000 deep", new RawValue("[".repeat(5000) + "]".repeat(5000))));
                if (field.min() > 0) {
                    mutations.add(new Mutation("empty", List.of()));
                }
            }
            case OBJECT -> mutations.add(new Mutation("nested 5000 deep",
                    new RawValue("{\"a\":".repeat(5000) + "1" + "}".repeat(5000))));
            case BOOLEAN -> {
            }
        }
        return mutations;
    }

    private static List<Mutation> wrongTypes(Endpoint.Kind kind) {
        List<Mutation> wrong = new ArrayList<>();
        boolean text = switch (kind) {
            case TEXT, REFERENCE, FREE_ID, CODE, DATE, PAST_DATE -> true;
            default -> false;
        };
        boolean number = kind == Endpoint.Kind.INTEGER || kind == Endpoint.Kind.DECIMAL || kind == Endpoint.Kind.FRACTION;
        if (!number) {
            wrong.add(new Mutation("a number", 42));
        }
        if (kind != Endpoint.Kind.BOOLEAN) {
            wrong.add(new Mutation("a boolean", true));
        } else {
            wrong.add(new Mutation("the string \"true\"", "true"));
            wrong.add(new Mutation("the number 1", 1));
        }
        if (!text) {
            wrong.add(new Mutation("a string", "12"));
        }
        if (kind != Endpoint.Kind.OBJECT) {
            wrong.add(new Mutation("an object", Map.of("$gt", "")));
        }
        if (kind != Endpoint.Kind.ARRAY) {
            wrong.add(new Mutation("an array", List.of("x")));
        }
        return wrong;
    }

    private static List<Mutation> absurdNumbers() {
        return List.of(new Mutation("1e999999999", new RawValue("1e999999999")),
                new Mutation("-1e999999999", new RawValue("-1e999999999")),
                new Mutation("a 1200-digit number", new RawValue("9".repeat(1200))),
                new Mutation("2^63", new RawValue("9223372036854775808")),
                new Mutation("NaN", new RawValue("NaN")),
                new Mutation("Infinity", new RawValue("Infinity")));
    }

    static String printable(String value) {
        StringBuilder shown = new StringBuilder("'");
        value.codePoints().forEach(cp -> shown.append(cp < 0x20 || cp == 0x7f || cp > 0x7e
                ? String.format("\\u%04x", cp) : Character.toString(cp)));
        return shown.append("'").toString();
    }
}
