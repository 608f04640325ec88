package pl.sciezka.command.familycase;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The Polish national identification number: eleven digits, a checksum, and the birth date encoded
 * in the first six (the month carries the century: +80 for the 1800s, +20 for the 2000s, …).
 */
final class Pesel {

    private static final int[] WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};

    private Pesel() {
    }

    /** What is wrong with {@code pesel} for a person born in {@code birthYear}, or empty if nothing. */
    static Optional<String> problem(String pesel, int birthYear) {
        if (pesel == null || !pesel.matches("\\d{11}")) {
            return Optional.of("must be exactly 11 digits");
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += WEIGHTS[i] * digit(pesel, i);
        }
        if ((10 - sum % 10) % 10 != digit(pesel, 10)) {
            return Optional.of("checksum does not match");
        }
        Optional<LocalDate> born = birthDate(pesel);
        if (born.isEmpty()) {
            return Optional.of("does not encode a valid birth date");
        }
        if (born.get().getYear() != birthYear) {
            return Optional.of("encodes birth year " + born.get().getYear() + ", not " + birthYear);
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> birthDate(String pesel) {
        int year = digit(pesel, 0) * 10 + digit(pesel, 1);
        int month = digit(pesel, 2) * 10 + digit(pesel, 3);
        int day = digit(pesel, 4) * 10 + digit(pesel, 5);
        int century = switch (month / 20) {
            case 0 -> 1900;
            case 1 -> 2000;
            case 2 -> 2100;
            case 3 -> 2200;
            default -> 1800;
        };
        try {
            return Optional.of(LocalDate.of(century + year, month % 20, day));
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }

    private static int digit(String pesel, int index) {
        return pesel.charAt(index) - '0';
    }
}
