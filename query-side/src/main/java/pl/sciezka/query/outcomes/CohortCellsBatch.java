package pl.sciezka.query.outcomes;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.query.outcomes.CohortCells.CellChange;
import pl.sciezka.query.outcomes.CohortCellStore.CaseChanges;
import pl.sciezka.query.outcomes.CohortCellStore.Release;
import pl.sciezka.query.projection.BatchAggregates;
import pl.sciezka.query.projection.EndOfBatch;
import pl.sciezka.query.projection.ReadModelBson;

/**
 * The cases a batch of events touches, each read once and folded in memory, then written at the end
 * of the batch in four bulk writes, in the order that counts every change once:
 * <ol>
 * <li>each changed case, with its facts and the cell changes they make since the stored facts,
 * pending under a token that names the case and the version of the facts they lead to;</li>
 * <li>every case's changes added to the cells, each cell skipping a token it already holds;</li>
 * <li>each case recording its changes as done (the pending changes' cells become the releasing ones);</li>
 * <li>the tokens taken out of the cells again.</li>
 * </ol>
 * A crash after the first write leaves the pending changes stored under the token that names them, so
 * the next batch to meet the case, however its events are cut into batches then, finishes exactly
 * those before it folds anything new. In a rebuild's pass only the first write is made, with the cases
 * stored as done: their changes go to the cells at the pass's end ({@link CohortCellsOfThePass}).
 */
final class CohortCellsBatch implements EndOfBatch.Held {

    /**
     * Four round trips and a write of each cell a case changes per group: a rebuild of 300,000 events in groups
     * of sixteen allocated an eighth more than in groups of 64, its CPU within the noise (docs/BENCHMARKS.md,
     * thirty-first round).
     */
    static final int CASES_PER_WRITE = 64;

    private final MongoTemplate mongo;
    private final CohortCellStore cells;
    private final int casesPerWrite;
    /** A rebuild's pass, which adds the cases' changes to the cells at its end: null in a processor's batch. */
    private final CohortCellsOfThePass pass;
    private final Map<String, CaseInBatch> cases = new LinkedHashMap<>();
    private boolean readAhead;

    CohortCellsBatch(MongoTemplate mongo, CohortCellStore cells, int casesPerWrite, CohortCellsOfThePass pass) {
        this.mongo = mongo;
        this.cells = cells;
        this.casesPerWrite = casesPerWrite;
        this.pass = pass;
    }

    private static final class CaseInBatch {

        final CohortCaseDocument document;
        /** The cells of the facts as stored: what this batch's changes are measured from. */
        final Map<String, CellChange> stored;
        /** Events folded into the facts since they were read, to fold again if a later one fails. */
        final List<Folded> folded = new ArrayList<>();
        /** A redelivered event came: its release may not have happened. */
        boolean releaseAgain;

        CaseInBatch(CohortCaseDocument document) {
            this.document = document;
            this.stored = document.facts.version < 0 ? Map.of() : CohortCells.of(document.facts);
        }
    }

    private record Folded(FamilyCaseEvent event, long sequence, Instant at) {
    }

    void fold(FamilyCaseEvent event, long sequence, Instant at) {
        if (!readAhead) {
            readAhead = true;
            readAhead(BatchAggregates.ofTheCurrentBatch());
        }
        CaseInBatch kase = cases.computeIfAbsent(event.caseId(), this::read);
        if (kase.document.facts.version >= sequence) {
            kase.releaseAgain = true; // seen already: only the release of its changes may not have happened
            return;
        }
        Folded next = new Folded(event, sequence, at);
        try {
            apply(kase, next);
        } catch (RuntimeException failed) {
            // the dead-letter queue parks the event, so the case goes on as it was before it
            CaseInBatch before = read(event.caseId());
            kase.folded.forEach(folded -> apply(before, folded));
            cases.put(event.caseId(), before);
            throw failed;
        }
        kase.folded.add(next);
    }

    private static void apply(CaseInBatch kase, Folded folded) {
        OutcomeFacts.apply(kase.document.facts, folded.event(), folded.at());
        kase.document.facts.version = folded.sequence();
    }

    /** The case as stored, with whatever a crash left unfinished finished first. */
    private CaseInBatch read(String caseId) {
        CohortCaseDocument document = mongo.findById(caseId, CohortCaseDocument.class);
        return document == null ? new CaseInBatch(CohortCaseDocument.of(caseId)) : finished(List.of(document)).get(0);
    }

    /** The batch's cases read at its first event, with one query instead of one per case. */
    private void readAhead(List<String> caseIds) {
        Map<String, CaseInBatch> stored = new HashMap<>();
        finished(BatchAggregates.stored(mongo, CohortCaseDocument.class, caseIds))
                .forEach(kase -> stored.put(kase.document.caseId, kase));
        caseIds.forEach(caseId -> cases.put(caseId,
                stored.computeIfAbsent(caseId, id -> new CaseInBatch(CohortCaseDocument.of(id)))));
    }

    private List<CaseInBatch> finished(List<CohortCaseDocument> documents) {
        for (CohortCaseDocument document : documents) {
            if (document.releasingToken == null) {
                document.releasingToken = document.changeToken(); // stored before the token was: releasing was the latest change
            }
        }
        finish(documents.stream().filter(document -> !document.pending.isEmpty()).toList());
        return documents.stream().map(CaseInBatch::new).toList();
    }

    /**
     * Writes the batch's cases a group at a time, each group through all four writes, as if each were a
     * batch of its own. A cell holds the tokens of every case of a group that changes it until the
     * release, and each change to a cell is matched against every token it holds ({@code $nin}), so a
     * group of every case of a large batch (a live batch of many cases, or a rebuild's) would cost the
     * square of its cases in every shared cell.
     * Cases read ahead whose events changed nothing here are left out, so as not to thin out the groups.
     */
    @Override
    public void flush() {
        List<CaseInBatch> all = cases.values().stream().filter(kase -> !kase.folded.isEmpty() || kase.releaseAgain).toList();
        cases.clear();
        for (int from = 0; from < all.size(); from += casesPerWrite) {
            flush(all.subList(from, Math.min(all.size(), from + casesPerWrite)));
        }
    }

    private void flush(List<CaseInBatch> group) {
        List<CohortCaseDocument> changed = new ArrayList<>();
        List<Release> releaseAgain = new ArrayList<>();
        for (CaseInBatch kase : group) {
            if (!kase.folded.isEmpty()) {
                kase.document.pending = CohortCells.changes(kase.stored, CohortCells.of(kase.document.facts));
                changed.add(kase.document);
            }
            if (kase.releaseAgain && kase.document.pending.isEmpty()) {
                releaseAgain.add(kase.document.releasing());
            }
        }
        if (pass != null) {
            changed.forEach(this::doneInThePass);
        }
        if (!changed.isEmpty()) {
            write(changed.stream().map(ReadModelBson.of(mongo)::upsert).toList());
        }
        finish(changed.stream().filter(document -> !document.pending.isEmpty()).toList());
        cells.release(releaseAgain);
    }

    /** The case's changes go to the pass's sums, and it is stored as if the cells had taken them and let go. */
    private void doneInThePass(CohortCaseDocument document) {
        pass.add(document.pending);
        document.releasingCells = List.of();
        document.releasingToken = document.changeToken();
        document.pending = List.of();
    }

    /**
     * Adds the cases' pending changes to their cells (taking each case's previous token out once more),
     * records that, then takes the tokens out of those cells again. A crash anywhere here leaves each
     * case's pending changes or its releasing cells stored, and the next delivery picks up from there.
     */
    private void finish(List<CohortCaseDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        List<CaseChanges> adding = documents.stream().map(document -> new CaseChanges(document.pending,
                document.changeToken(), document.releasingCells, document.releasingToken)).toList();
        cells.add(adding);
        List<WriteModel<BsonDocument>> done = new ArrayList<>();
        for (CohortCaseDocument document : documents) {
            document.releasingCells = CohortCells.cellIds(document.pending);
            document.releasingToken = document.changeToken();
            document.pending = List.of();
            done.add(new UpdateOneModel<>(byId(document.caseId), new Document("$set", new Document("pending", List.of())
                    .append("releasingCells", document.releasingCells).append("releasingToken", document.releasingToken))));
        }
        write(done);
        cells.release(documents.stream().map(CohortCaseDocument::releasing).toList());
    }

    /** Plain BSON, as {@code CohortCellStore} writes: Spring Data's mappers cost more than the write. */
    private void write(List<? extends WriteModel<BsonDocument>> writes) {
        mongo.getCollection(mongo.getCollectionName(CohortCaseDocument.class)).withDocumentClass(BsonDocument.class)
                .bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private static Document byId(String caseId) {
        return new Document("_id", caseId);
    }
}
