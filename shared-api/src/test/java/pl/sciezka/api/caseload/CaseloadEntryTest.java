package pl.sciezka.api.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.ProblemArea;

/** A live caseload and a rebuilt one fill the same sets in different orders; the entry must not show it. */
class CaseloadEntryTest {

    @Test
    void listsProblemAreasAndGenerationsInTheirCodeListOrderWhateverOrderTheyCameIn() {
        List<ProblemArea> areas = List.of(ProblemArea.values());
        Set<ProblemArea> forwards = new LinkedHashSet<>(areas);
        List<ProblemArea> reversed = new ArrayList<>(areas);
        Collections.reverse(reversed);
        Set<ProblemArea> backwards = new LinkedHashSet<>(reversed);
        Map<Generation, Integer> childFirst = new LinkedHashMap<>();
        childFirst.put(Generation.CHILD, 2);
        childFirst.put(Generation.PARENT, 1);
        childFirst.put(Generation.GRANDPARENT, 1);

        CaseloadEntry one = entry(forwards, Map.of(Generation.GRANDPARENT, 1, Generation.PARENT, 1, Generation.CHILD, 2));
        CaseloadEntry other = entry(backwards, childFirst);

        assertThat(List.copyOf(one.problemAreas())).isEqualTo(areas);
        assertThat(List.copyOf(other.problemAreas())).isEqualTo(areas);
        assertThat(List.copyOf(other.membersPerGeneration().keySet()))
                .containsExactly(Generation.GRANDPARENT, Generation.PARENT, Generation.CHILD);
        assertThat(entry(Set.of(), Map.of()).problemAreas()).isEmpty();
    }

    private static CaseloadEntry entry(Set<ProblemArea> areas, Map<Generation, Integer> members) {
        return new CaseloadEntry("case", "Nowak", "Wilchwy", "anna", null, areas, members, 0, 0, null, null, null, null);
    }
}
