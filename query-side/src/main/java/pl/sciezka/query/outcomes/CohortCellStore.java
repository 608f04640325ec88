package pl.sciezka.query.outcomes;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.bson.types.Decimal128;
import org.springframework.dao.DuplicateKeyException;
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
 * Reads cohort cells, and adds to them with one atomic update each: concurrent segments never
 * overwrite each other's increments. Sums are Decimal128, which MongoDB adds exactly.
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

    /** Adds the change to its cell unless the cell already holds the change named {@code token}. */
    void add(CellChange change, String token) {
        Query notYet = Query.query(Criteria.where("_id").is(change.cellId()).and("applying").ne(token));
        CohortFigures figures = change.figures();
        Update update = new Update()
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
        while (true) {
            try {
                mongo.upsert(notYet, update, CohortCellDocument.class);
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

    /** Forgets the token in every cell it was added to, once its case has recorded the changes as done. */
    void release(List<CellChange> changes, String token) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(changes.stream().map(CellChange::cellId).toList())),
                new Update().pull("applying", token), CohortCellDocument.class);
    }

    private static Decimal128 decimal(BigDecimal value) {
        return new Decimal128(value);
    }
}
