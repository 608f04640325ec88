package pl.sciezka.query.outcomes;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.outcomes.CohortGroup;
import pl.sciezka.api.outcomes.CohortGrouping;
import pl.sciezka.query.outcomes.CohortCells.CellChange;

/**
 * Reads cohort cells, and adds to them with one atomic update each (sent together in one bulk write):
 * concurrent segments never overwrite each other's increments. Sums are Decimal128, which MongoDB adds exactly.
 */
@Component
class CohortCellStore {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;

    CohortCellStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The groups of one answer: a range of cell ids, as many documents as there are groups, whatever the number of cases. */
    List<CohortGroup> groups(CohortGrouping groupBy, Horizon horizon, boolean threeGenerationsOnly) {
        String prefix = CohortCells.prefix(groupBy, horizon, threeGenerationsOnly);
        Query range = Query.query(Criteria.where("_id").gte(prefix).lt(prefix + Character.MAX_VALUE));
        range.fields().exclude("applying");
        return mongo.find(range, CohortCellDocument.class).stream()
                .filter(cell -> cell.figures.families() > 0)
                .sorted(Comparator.comparing(cell -> cell.key))
                .map(cell -> cell.figures.group(cell.key))
                .toList();
    }

    /**
     * What one case adds to the cells: its {@code changes}, each added to its cell unless the cell already
     * holds {@code token} (the case and the version of the facts the changes lead to), and its previous
     * changes' token {@code staleToken} to take out of the {@code staleCells}, where the case has already
     * recorded that change as done but its release may not have happened.
     */
    record CaseChanges(List<CellChange> changes, String token, List<String> staleCells, String staleToken) {
    }

    /** A case's token to take out of the cells its changes were added to. */
    record Release(List<String> cells, String token) {
    }

    /**
     * Adds the changes of several cases, and takes their stale tokens out, in one unordered bulk write
     * with one operation per cell, as no two of its operations depend on each other: the cases' changes
     * to a cell go as one increment by their sum, guarded by all their tokens at once, so a cell that
     * many cases of a batch share is written once, not once per case.
     */
    void add(List<CaseChanges> cases) {
        Map<String, CellSum> sums = new LinkedHashMap<>();
        Map<String, List<String>> staleTokens = new LinkedHashMap<>();
        for (CaseChanges kase : cases) {
            for (CellChange change : kase.changes()) {
                sums.computeIfAbsent(change.cellId(), cellId -> new CellSum(change.key())).add(change, kase.token());
            }
            for (String cellId : kase.staleCells()) {
                staleTokens.computeIfAbsent(cellId, id -> new ArrayList<>()).add(kase.staleToken());
            }
        }
        if (sums.isEmpty() && staleTokens.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        sums.forEach((cellId, sum) -> writes.add(new UpdateOneModel<>(notYet(cellId, new Document("$nin", sum.tokens)),
                increment(sum.key, sum.figures, sum.tokens), UPSERT)));
        staleTokens.forEach((cellId, tokens) -> writes.add(new UpdateOneModel<>(byId(cellId), pullAll(tokens))));
        try {
            mongo.execute(CohortCellDocument.class, cells -> cells.bulkWrite(writes, UNORDERED));
        } catch (DataAccessException someUpsertMetAnExistingCell) {
            // an upsert found no match either because the cell holds one of the tokens already (a crash
            // after an earlier attempt) or because another segment created the cell first: change by
            // change, each token tells which, and nothing is added twice
            cases.forEach(kase -> kase.changes().forEach(change -> add(change, kase.token())));
        }
    }

    /**
     * Adds each change to its cell with no token to guard it: only for a rebuild's pass at its end
     * ({@link CohortCellsOfThePass}), when nothing else writes the cells and a failure resets them anyway.
     */
    void addUnguarded(List<CellChange> totals) {
        if (totals.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (CellChange total : totals) {
            writes.add(new UpdateOneModel<>(byId(total.cellId()), new Document("$setOnInsert",
                    new Document("key", total.key()).append("applying", List.of())).append("$inc", sums(total.figures())), UPSERT));
        }
        mongo.execute(CohortCellDocument.class, cells -> cells.bulkWrite(writes, UNORDERED));
    }

    /** What a batch's cases add to one cell together, and the tokens naming their changes. */
    private static final class CellSum {

        final String key;
        CohortFigures figures = CohortFigures.NONE;
        final List<String> tokens = new ArrayList<>();

        CellSum(String key) {
            this.key = key;
        }

        void add(CellChange change, String token) {
            figures = figures.plus(change.figures());
            tokens.add(token);
        }
    }

    /** Adds one change to its cell unless the cell already holds the change named {@code token}. */
    private void add(CellChange change, String token) {
        Document notYet = notYet(change.cellId(), new Document("$ne", token));
        Document increment = increment(change.key(), change.figures(), List.of(token));
        while (true) {
            try {
                mongo.execute(CohortCellDocument.class, cells -> cells.updateOne(notYet, increment, UPSERT));
                return;
            } catch (DuplicateKeyException cellExists) {
                // the cell holds the token already (the upsert found no match and tried to create it), or
                // another segment created the cell first: then the next attempt finds it and adds
                Document holding = byId(change.cellId()).append("applying", token);
                if (mongo.execute(CohortCellDocument.class, cells -> cells.countDocuments(holding)) > 0) {
                    return;
                }
            }
        }
    }

    private static Document byId(String cellId) {
        return new Document("_id", cellId);
    }

    private static Document notYet(String cellId, Document tokensCondition) {
        return byId(cellId).append("applying", tokensCondition);
    }

    /**
     * The figures added, and the tokens, as plain BSON in the stored field names: Spring Data's mappers
     * would find the same names by reflection, at an eighth of a rebuild's projection CPU (each dotted path
     * is tried as a property path and as a positional index, each miss an exception).
     */
    private static Document increment(String key, CohortFigures figures, List<String> tokens) {
        return new Document("$setOnInsert", new Document("key", key))
                .append("$inc", sums(figures))
                .append("$addToSet", new Document("applying", new Document("$each", tokens)));
    }

    private static Document sums(CohortFigures figures) {
        Document sums = new Document();
        figures.bson().forEach((field, value) -> sums.append("figures." + field, value));
        return sums;
    }

    private static Document pullAll(List<String> tokens) {
        return new Document("$pullAll", new Document("applying", tokens));
    }

    /**
     * Forgets each case's token in every cell it was added to, once the case has recorded its changes as
     * done: one update over all the cells, taking out all the tokens, each cell written once.
     */
    void release(List<Release> releases) {
        Set<String> cellIds = new LinkedHashSet<>();
        List<String> tokens = new ArrayList<>();
        for (Release release : releases) {
            if (!release.cells().isEmpty()) {
                cellIds.addAll(release.cells());
                tokens.add(release.token());
            }
        }
        if (!tokens.isEmpty()) {
            Document inCells = new Document("_id", new Document("$in", new ArrayList<>(cellIds)));
            mongo.execute(CohortCellDocument.class, cells -> cells.updateMany(inCells, pullAll(tokens)));
        }
    }
}
