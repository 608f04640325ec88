package pl.sciezka.embedded.demo;

import java.util.List;
import java.util.Random;

/**
 * Made-up people: first and last names drawn from short lists of common Polish names, and PESELs
 * built for a random day of the given birth year with a correct checksum, so they pass validation
 * without belonging to anyone in particular.
 */
final class SyntheticPeople {

    static final List<String> SURNAMES = List.of("Nowak", "Kowalczyk", "Wójcik", "Kamińska", "Lewandowska",
            "Zielińska", "Szymańska", "Woźniak", "Dąbrowska", "Kozłowska", "Jankowska", "Mazur", "Krawczyk",
            "Piotrowska", "Grabowska", "Pawłowska", "Michalska", "Król", "Wieczorek", "Jabłońska");
    private static final List<String> WOMEN = List.of("Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka",
            "Barbara", "Ewa", "Krystyna", "Zofia", "Julia", "Zuzanna", "Lena", "Maja", "Hanna");
    private static final List<String> MEN = List.of("Jan", "Stanisław", "Andrzej", "Józef", "Tadeusz",
            "Krzysztof", "Piotr", "Tomasz", "Paweł", "Marcin", "Jakub", "Antoni", "Szymon", "Filip");
    private static final int[] WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};

    private SyntheticPeople() {
    }

    static String firstName(Random random, boolean woman) {
        List<String> names = woman ? WOMEN : MEN;
        return names.get(random.nextInt(names.size()));
    }

    /** A surname in the form for the person: "Nowak" stays, "Kamińska" becomes "Kamiński" for a man. */
    static String surname(String familyName, boolean woman) {
        if (woman || !familyName.endsWith("ska")) {
            return familyName;
        }
        return familyName.substring(0, familyName.length() - 1) + "i";
    }

    static String pesel(Random random, int birthYear, boolean woman) {
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        int encodedMonth = month + (birthYear >= 2000 ? 20 : 0);
        int serial = random.nextInt(1000);
        int sex = random.nextInt(5) * 2 + (woman ? 0 : 1);
        String digits = String.format("%02d%02d%02d%03d%d", birthYear % 100, encodedMonth, day, serial, sex);
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return digits + (10 - sum % 10) % 10;
    }
}
