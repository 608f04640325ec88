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
     * What one case adds to the cells: its {@code changes}, each added to its cell unless the cell already
     * holds {@code token} (the case and the version of the facts the changes lead to), and its previous
     * changes' token {@code staleToken} to take out of the {@code stale} cells, where the case has already
     * recorded that change as done but its release may not have happened.
     */
    record CaseChanges(List<CellChange> changes, String token, List<CellChange> stale, String staleToken) {
    }

    /**
     * Adds the changes of several cases, and takes their stale tokens out, in one unordered bulk write,
     * as no two of its operations depend on each other.
     */
    void add(List<CaseChanges> cases) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CohortCellDocument.class);
        int operations = 0;
        for (CaseChanges kase : cases) {
            for (CellChange change : kase.changes()) {
                bulk.upsert(notYet(change, kase.token()), increment(change, kase.token()));
                operations++;
            }
            for (CellChange change : kase.stale()) {
                bulk.updateOne(byId(change.cellId()), new Update().pull("applying", kase.staleToken()));
                operations++;
            }
        }
        if (operations == 0) {
            return;
        }
        try {
            bulk.execute();
        } catch (DataAccessException someUpsertMetAnExistingCell) {
            // an upsert found no match either because the cell holds the token already or because another
            // segment created the cell first: change by change, the token tells which, and nothing is added twice
            cases.forEach(kase -> kase.changes().forEach(change -> add(change, kase.token())));
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

    /** Forgets each case's token in every cell it was added to, once the case has recorded its changes as done. */
    void release(List<CaseChanges> cases) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CohortCellDocument.class);
        int operations = 0;
        for (CaseChanges kase : cases) {
            if (!kase.changes().isEmpty()) {
                bulk.updateMulti(Query.query(Criteria.where("_id").in(kase.changes().stream().map(CellChange::cellId).toList())),
                        new Update().pull("applying", kase.token()));
                operations++;
            }
        }
        if (operations > 0) {
            bulk.execute();
        }
    }

    private static Decimal128 decimal(BigDecimal value) {
        return new Decimal128(value);
    }
}
