package pl.sciezka.bench.extension;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.MemberRegistered;

/** Members of synthetic families: plausible Polish names, birth years by generation, valid PESEL numbers. */
final class SyntheticPeople {

    private static final List<String> FAMILY_NAMES = List.of("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk",
            "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Mazur", "Krawczyk");
    private static final List<String> WOMEN = List.of("Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara",
            "Ewa", "Zofia", "Ola", "Julia", "Lena", "Maja");
    private static final List<String> MEN = List.of("Jan", "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Marek",
            "Stanisław", "Jakub", "Antoni", "Szymon", "Filip");
    private static final int[] PESEL_WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};

    private final Random random;

    SyntheticPeople(Random random) {
        this.random = random;
    }

    String familyName() {
        return pick(FAMILY_NAMES);
    }

    /** A member born in a range fitting the generation, with a PESEL for adults as the centre records it. */
    MemberRegistered member(String caseId, String familyName, Generation generation, int currentYear) {
        boolean woman = random.nextBoolean();
        int birthYear = switch (generation) {
            case GRANDPARENT -> currentYear - 60 - random.nextInt(20);
            case PARENT -> currentYear - 25 - random.nextInt(20);
            case CHILD -> currentYear - 1 - random.nextInt(16);
        };
        String relation = switch (generation) {
            case GRANDPARENT -> woman ? "babcia" : "dziadek";
            case PARENT -> woman ? "matka" : "ojciec";
            case CHILD -> woman ? "córka" : "syn";
        };
        LocalDate born = LocalDate.of(birthYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
        return new MemberRegistered(caseId, UUID.randomUUID().toString(), pick(woman ? WOMEN : MEN), familyName,
                birthYear, generation, relation, generation == Generation.CHILD ? null : pesel(born, woman));
    }

    private String pesel(LocalDate born, boolean woman) {
        int centuryOffset = born.getYear() >= 2000 ? 20 : 0;
        int serial = random.nextInt(1000) * 10 + (woman ? 2 * random.nextInt(5) : 2 * random.nextInt(5) + 1);
        String digits = String.format("%02d%02d%02d%04d", born.getYear() % 100, born.getMonthValue() + centuryOffset,
                born.getDayOfMonth(), serial);
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += PESEL_WEIGHTS[i] * (digits.charAt(i) - '0');
        }
        return digits + (10 - sum % 10) % 10;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
