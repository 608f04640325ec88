package pl.sciezka.query.outcomes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.outcomes.CohortGrouping;
import pl.sciezka.api.outcomes.CycleDefinition;

/**
 * Which cells of the default definition a family is in, with its figures there, and what moves
 * between cells when its facts change. A cell is one (grouping, horizon, population, group key); its
 * id starts with the prefix of its (grouping, horizon, population), so one range of ids is one answer.
 */
final class CohortCells {

    private CohortCells() {
    }

    static String prefix(CohortGrouping groupBy, Horizon horizon, boolean threeGenerationsOnly) {
        return groupBy + "|" + horizon + "|" + (threeGenerationsOnly ? "THREE_GENERATIONS" : "ALL") + "|";
    }

    /** The family's figures in every cell it belongs to: every horizon, every grouping, both populations. */
    static Map<String, CellChange> of(OutcomeDocument family) {
        Map<String, CellChange> cells = new LinkedHashMap<>();
        for (Horizon horizon : Horizon.values()) {
            CohortFigures figures = CohortFigures.of(family, horizon, CycleDefinition.DEFAULT);
            for (CohortGrouping groupBy : CohortGrouping.values()) {
                CohortCalculation.keys(family, groupBy).forEach(key -> {
                    put(cells, prefix(groupBy, horizon, false), key, figures);
                    if (family.hasThreeGenerations()) {
                        put(cells, prefix(groupBy, horizon, true), key, figures);
                    }
                });
            }
        }
        return cells;
    }

    private static void put(Map<String, CellChange> cells, String prefix, String key, CohortFigures figures) {
        cells.put(prefix + key, new CellChange(prefix + key, key, figures));
    }

    /**
     * What to add to each cell when a family's figures go from {@code before} to {@code after}: a family
     * leaving a cell (another dose band, a corrected verdict) is taken out of it; cells that do not
     * change are left out.
     */
    static List<CellChange> changes(Map<String, CellChange> before, Map<String, CellChange> after) {
        Set<String> cellIds = new LinkedHashSet<>(before.keySet());
        cellIds.addAll(after.keySet());
        List<CellChange> changes = new ArrayList<>();
        for (String cellId : cellIds) {
            CellChange was = before.get(cellId);
            CellChange is = after.get(cellId);
            CohortFigures delta = (is == null ? CohortFigures.NONE : is.figures())
                    .minus(was == null ? CohortFigures.NONE : was.figures());
            if (!delta.isNone()) {
                changes.add(new CellChange(cellId, is == null ? was.key() : is.key(), delta));
            }
        }
        return changes;
    }

    /** The ids of the cells the changes go to. */
    static List<String> cellIds(List<CellChange> changes) {
        return changes.stream().map(CellChange::cellId).toList();
    }

    /** Figures to add to one cell ({@code key} is the group it answers for). */
    record CellChange(String cellId, String key, CohortFigures figures) {
    }
}
