package pl.sciezka.query.caseload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import pl.sciezka.api.familycase.CoordinatorReassigned;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.query.projection.BatchAggregates;
import pl.sciezka.query.projection.EndOfBatch;

/**
 * The cases a batch of events touches, each read once (its pointer and its line) and folded in memory,
 * then written at the end of the batch in the order a single event's writes always had: every line in
 * its new place first (one update per caseload, however many of its lines changed), then the pointers
 * that changed, then the removals from the places lines left (one update per caseload). A crash leaves
 * a line in two places at worst; the redelivered events then remove it from the place it left
 * ({@link #settle}).
 */
final class CaseloadBatch implements EndOfBatch.Held {

    private final MongoTemplate mongo;
    private final Map<String, CaseInBatch> cases = new LinkedHashMap<>();
    private boolean readAhead;

    CaseloadBatch(MongoTemplate mongo) {
        this.mongo = mongo;
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
        Map<String, Update> lines = new LinkedHashMap<>();
        List<CaseCoordinator> pointers = new ArrayList<>();
        Map<String, Update> removals = new LinkedHashMap<>();
        for (CaseInBatch kase : cases.values()) {
            if (kase.folded().isEmpty()) {
                continue;
            }
            String caseId = kase.caseId();
            String to = kase.line().coordinatorId;
            if (CaseloadEntries.hasLeft(kase.line())) {
                pointers.add(new CaseCoordinator(caseId, to, kase.line()));
                if (kase.wasShown()) {
                    removals.computeIfAbsent(kase.from(), id -> new Update()).unset(lineKey(caseId));
                }
                continue;
            }
            lines.computeIfAbsent(to, id -> new Update()).set(lineKey(caseId), kase.line());
            if (!kase.wasShown() || kase.where() == null || !to.equals(kase.where().coordinatorId())) {
                pointers.add(CaseCoordinator.active(caseId, to));
            }
            if (kase.wasShown() && !to.equals(kase.from())) {
                removals.computeIfAbsent(kase.from(), id -> new Update()).unset(lineKey(caseId));
            }
        }
        cases.clear();
        lines.forEach((coordinatorId, update) -> mongo.upsert(byId(coordinatorId), update, CaseloadDocument.class));
        pointers.forEach(mongo::save);
        removals.forEach((coordinatorId, update) -> mongo.updateFirst(byId(coordinatorId), update, CaseloadDocument.class));
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
            mongo.updateFirst(byId(where.coordinatorId()), new Update().unset(lineKey(event.caseId())), CaseloadDocument.class);
        }
        if (event instanceof CoordinatorReassigned) {
            Criteria elsewhere = Criteria.where(lineKey(event.caseId())).exists(true);
            if (where != null && !where.isArchived()) {
                elsewhere = elsewhere.and("_id").ne(where.coordinatorId());
            }
            mongo.updateMulti(Query.query(elsewhere), new Update().unset(lineKey(event.caseId())), CaseloadDocument.class);
        }
    }

    /** The case's line alone, not the coordinator's whole caseload; a new line if there is none. */
    private CaseloadLine lineIn(String coordinatorId, String caseId) {
        return linesIn(coordinatorId, List.of(caseId)).getOrDefault(caseId, new CaseloadLine());
    }

    /** The lines of these cases that the coordinator's caseload holds, and no other. */
    private Map<String, CaseloadLine> linesIn(String coordinatorId, List<String> caseIds) {
        Query query = byId(coordinatorId);
        caseIds.forEach(caseId -> query.fields().include(lineKey(caseId)));
        CaseloadDocument caseload = mongo.findOne(query, CaseloadDocument.class);
        return caseload == null ? Map.of() : caseload.cases();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static String lineKey(String caseId) {
        return "cases." + caseId;
    }
}
