package pl.sciezka.query.outcomes;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.bson.types.Decimal128;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
     * Adds each change to its cell unless the cell already holds the change named {@code token}, and takes
     * {@code staleToken} (a change its case has already recorded as done, whose release may not have
     * happened) out of the {@code stale} cells: one unordered bulk write for the lot, as no two of its
     * operations depend on each other.
     */
    void add(List<CellChange> changes, String token, List<CellChange> stale, String staleToken) {
        if (changes.isEmpty() && stale.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CohortCellDocument.class);
        changes.forEach(change -> bulk.upsert(notYet(change, token), increment(change, token)));
        stale.forEach(change -> bulk.updateOne(byId(change.cellId()), new Update().pull("applying", staleToken)));
        try {
            bulk.execute();
        } catch (DataAccessException someUpsertMetAnExistingCell) {
            // an upsert found no match either because the cell holds the token already or because another
            // segment created the cell first: change by change, the token tells which, and nothing is added twice
            changes.forEach(change -> add(change, token));
        }
    }

    /** Adds one change to its cell unless the cell already holds the change named {@code token}. */
    private void add(CellChange change, String token) {
        while (true) {
            try {
                mongo.upsert(notYet(change, token), increment(change, token), CohortCellDocument.class);
                return;
            } catch (DuplicateKeyException cellExists) {
                // the cell holds the token already (the upsert found no match and tried to create it), or
                // another segment created the cell first: then the next attempt finds it and adds
                if (mongo.exists(Query.query(Criteria.where("_id").is(change.cellId()).and("applying").is(token)),
                        CohortCellDocument.class)) {
                    return;
                }
            }
        }
    }

    private static Query byId(String cellId) {
        return Query.query(Criteria.where("_id").is(cellId));
    }

    private static Query notYet(CellChange change, String token) {
        return Query.query(Criteria.where("_id").is(change.cellId()).and("applying").ne(token));
    }

    private static Update increment(CellChange change, String token) {
        CohortFigures figures = change.figures();
        return new Update()
                .setOnInsert("key", change.key())
                .inc("figures.families", figures.families())
                .inc("figures.measured", figures.measured())
                .inc("figures.cycleBroken", figures.cycleBroken())
                .inc("figures.incomeSum", decimal(figures.incomeSum()))
                .inc("figures.receivingAssistance", figures.receivingAssistance())
                .inc("figures.parents", figures.parents())
                .inc("figures.employedParents", figures.employedParents())
                .inc("figures.attendanceSum", decimal(figures.attendanceSum()))
                .inc("figures.attendances", figures.attendances())
                .addToSet("applying", token);
    }

    /** Forgets the token in every cell it was added to, once its case has recorded the changes as done. */
    void release(List<CellChange> changes, String token) {
        if (changes.isEmpty()) {
            return;
        }
        mongo.updateMulti(Query.query(Criteria.where("_id").in(changes.stream().map(CellChange::cellId).toList())),
                new Update().pull("applying", token), CohortCellDocument.class);
    }

    private static Decimal128 decimal(BigDecimal value) {
        return new Decimal128(value);
    }
}
