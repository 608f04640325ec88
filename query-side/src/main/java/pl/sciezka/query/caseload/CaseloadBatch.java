package pl.sciezka.query.caseload;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.api.familycase.CoordinatorReassigned;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.query.projection.BatchAggregates;
import pl.sciezka.query.projection.EndOfBatch;
import pl.sciezka.query.projection.MapEntryWrites;
import pl.sciezka.query.projection.ReadModelBson;

/**
 * The cases a batch of events touches, each read once (its pointer and its line) and folded in memory,
 * then written at the end of the batch in the order a single event's writes always had: every line in
 * its new place first (one update per caseload, however many of its lines changed), then the pointers
 * that changed, then the removals from the places lines left (one update per caseload). A crash leaves
 * a line in two places at worst; the redelivered events then remove it from the place it left
 * ({@link #settle}). The lines are read and written as the driver's BSON ({@link MapEntryWrites}), each
 * caseload with one update, and the pointers in one bulk write: a rebuild writes a pointer for every case.
 */
final class CaseloadBatch implements EndOfBatch.Held {

    /** The caseload's map of lines by case id. */
    private static final String CASES = "cases";

    private final MongoTemplate mongo;
    private final MapEntryWrites lines;
    private final Map<String, CaseInBatch> cases = new LinkedHashMap<>();
    private boolean readAhead;

    CaseloadBatch(MongoTemplate mongo, MapEntryWrites lines) {
        this.mongo = mongo;
        this.lines = lines;
    }

    /** A case as read at its first event of the batch, and its line as folded since. */
    private record CaseInBatch(String caseId, CaseCoordinator where, String from, CaseloadLine line, List<Folded> folded) {

        boolean wasShown() {
            return where == null || !where.isArchived();
        }
    }

    private record Folded(FamilyCaseEvent event, long sequence, Instant at) {
    }

    void fold(FamilyCaseEvent event, long sequence, Instant at) {
        if (!readAhead) {
            readAhead = true;
            readAhead(BatchAggregates.ofTheCurrentBatch());
        }
        CaseInBatch kase = cases.get(event.caseId());
        if (kase == null) {
            kase = read(event);
            cases.put(event.caseId(), kase);
        }
        if (kase.line().version >= sequence) {
            settle(event, kase.where(), kase.line());
            return;
        }
        Folded next = new Folded(event, sequence, at);
        try {
            apply(kase.line(), next);
        } catch (RuntimeException failed) {
            // the dead-letter queue parks the event, so the case goes on as it was before it
            cases.remove(event.caseId());
            if (!kase.folded().isEmpty()) {
                CaseInBatch before = read(kase.folded().get(0).event());
                kase.folded().forEach(folded -> apply(before.line(), folded));
                before.folded().addAll(kase.folded());
                cases.put(event.caseId(), before);
            }
            throw failed;
        }
        kase.folded().add(next);
    }

    private static void apply(CaseloadLine line, Folded folded) {
        CaseloadEvents.apply(line, folded.event(), folded.at());
        line.version = folded.sequence();
    }

    /**
     * Reads the batch's cases at its first event: the pointers with one query, then each coordinator's
     * lines of them with one; a case without a pointer is new, and its line (which a crash between the
     * writes of a batch may have left) is looked for with the coordinator its opening names. A case with
     * neither is read at its first event, as outside a batch.
     */
    private void readAhead(List<String> caseIds) {
        Map<String, String> openedWith = new HashMap<>();
        BatchAggregates.payloadsOfTheCurrentBatch(FamilyCaseOpened.class)
                .forEach(opened -> openedWith.put(opened.caseId(), opened.coordinatorId()));
        Map<String, CaseCoordinator> pointers = new HashMap<>();
        BatchAggregates.stored(mongo, CaseCoordinator.class, caseIds).forEach(where -> pointers.put(where.caseId(), where));
        Map<String, String> shownBy = new LinkedHashMap<>();
        for (String caseId : caseIds) {
            CaseCoordinator where = pointers.get(caseId);
            String coordinatorId = where != null ? where.coordinatorId() : openedWith.get(caseId);
            if (coordinatorId != null && (where == null || !where.isArchived())) {
                shownBy.put(caseId, coordinatorId);
            }
        }
        Map<String, CaseloadLine> lines = new HashMap<>();
        shownBy.keySet().stream().collect(Collectors.groupingBy(shownBy::get))
                .forEach((coordinatorId, shown) -> lines.putAll(linesIn(coordinatorId, shown)));
        for (String caseId : caseIds) {
            CaseCoordinator where = pointers.get(caseId);
            if (where != null && where.isArchived()) {
                cases.put(caseId, new CaseInBatch(caseId, where, where.coordinatorId(), where.archived(), new ArrayList<>()));
            } else if (shownBy.containsKey(caseId)) {
                cases.put(caseId, new CaseInBatch(caseId, where, shownBy.get(caseId),
                        lines.getOrDefault(caseId, new CaseloadLine()), new ArrayList<>()));
            }
        }
    }

    private CaseInBatch read(FamilyCaseEvent event) {
        String caseId = event.caseId();
        CaseCoordinator where = mongo.findById(caseId, CaseCoordinator.class);
        String coordinatorId;
        if (where != null) {
            coordinatorId = where.coordinatorId();
        } else if (event instanceof FamilyCaseOpened opened) {
            coordinatorId = opened.coordinatorId();
        } else {
            throw new IllegalStateException("case " + caseId + " has an event before it was opened");
        }
        CaseloadLine line = where != null && where.isArchived() ? where.archived() : lineIn(coordinatorId, caseId);
        return new CaseInBatch(caseId, where, coordinatorId, line, new ArrayList<>());
    }

    @Override
    public void flush() {
        Map<String, Map<String, CaseloadLine>> shown = new LinkedHashMap<>();
        List<CaseCoordinator> pointers = new ArrayList<>();
        Map<String, List<String>> removals = new LinkedHashMap<>();
        for (CaseInBatch kase : cases.values()) {
            if (kase.folded().isEmpty()) {
                continue;
            }
            String caseId = kase.caseId();
            String to = kase.line().coordinatorId;
            if (CaseloadEntries.hasLeft(kase.line())) {
                pointers.add(new CaseCoordinator(caseId, to, kase.line()));
                if (kase.wasShown()) {
                    removals.computeIfAbsent(kase.from(), id -> new ArrayList<>()).add(caseId);
                }
                continue;
            }
            shown.computeIfAbsent(to, id -> new LinkedHashMap<>()).put(caseId, kase.line());
            if (!kase.wasShown() || kase.where() == null || !to.equals(kase.where().coordinatorId())) {
                pointers.add(CaseCoordinator.active(caseId, to));
            }
            if (kase.wasShown() && !to.equals(kase.from())) {
                removals.computeIfAbsent(kase.from(), id -> new ArrayList<>()).add(caseId);
            }
        }
        cases.clear();
        MongoCollection<Document> caseloads = mongo.getCollection(CaseloadDocument.COLLECTION);
        shown.forEach((coordinatorId, linesOfCases) -> caseloads.updateOne(byId(coordinatorId),
                lines.set(CaseloadDocument.class, CASES, linesOfCases), new UpdateOptions().upsert(true)));
        if (!pointers.isEmpty()) {
            mongo.getCollection(CaseCoordinator.COLLECTION).withDocumentClass(BsonDocument.class)
                    .bulkWrite(pointers.stream().map(ReadModelBson.of(mongo)::upsert).toList(), new BulkWriteOptions().ordered(true));
        }
        removals.forEach((coordinatorId, caseIds) ->
                caseloads.updateOne(byId(coordinatorId), lines.unset(CaseloadDocument.class, CASES, caseIds)));
    }

    /**
     * A redelivered event whose writes a crash may have cut short: the line is in its new place already,
     * so only the pointer and the removal from the old place can be missing. Redeliveries are rare, so the
     * removal after a reassignment may look through every caseload for the line.
     */
    private void settle(FamilyCaseEvent event, CaseCoordinator where, CaseloadLine line) {
        if (where == null) {
            mongo.save(CaseCoordinator.active(event.caseId(), line.coordinatorId));
        } else if (where.isArchived()) {
            mongo.getCollection(CaseloadDocument.COLLECTION).updateOne(byId(where.coordinatorId()),
                    lines.unset(CaseloadDocument.class, CASES, List.of(event.caseId())));
        }
        if (event instanceof CoordinatorReassigned) {
            Bson elsewhere = Filters.exists(CASES + "." + event.caseId());
            if (where != null && !where.isArchived()) {
                elsewhere = Filters.and(elsewhere, Filters.ne("_id", where.coordinatorId()));
            }
            mongo.getCollection(CaseloadDocument.COLLECTION).updateMany(elsewhere,
                    lines.unset(CaseloadDocument.class, CASES, List.of(event.caseId())));
        }
    }

    /** The case's line alone, not the coordinator's whole caseload; a new line if there is none. */
    private CaseloadLine lineIn(String coordinatorId, String caseId) {
        return linesIn(coordinatorId, List.of(caseId)).getOrDefault(caseId, new CaseloadLine());
    }

    /** The lines of these cases that the coordinator's caseload holds, and no other. */
    private Map<String, CaseloadLine> linesIn(String coordinatorId, List<String> caseIds) {
        Document caseload = mongo.getCollection(CaseloadDocument.COLLECTION).find(byId(coordinatorId))
                .projection(lines.only(CaseloadDocument.class, CASES, caseIds)).first();
        return caseload == null ? Map.of() : mongo.getConverter().read(CaseloadDocument.class, caseload).cases();
    }

    /** By the id as Spring Data's query mapper stores it (a string that could be an ObjectId as one). */
    private Bson byId(String id) {
        return Filters.eq("_id", mongo.getConverter().convertId(id, ObjectId.class));
    }
}
