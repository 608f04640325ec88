package pl.sciezka.query.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;

/**
 * A test projection that uses every kind of write the batch offers, as the real projections do: a
 * document per case owned whole, one field per case in a shared document, and a shared document
 * changed field by field from every case. It throws on one chosen event, after it has changed all
 * three, as a projection with a bug would.
 */
@ProcessingGroup(TallyProjection.NAME)
class TallyProjection {

    static final String NAME = "test-tallies";
    static final List<String> COLLECTIONS = List.of("test_tallies", "test_boards", "test_days");

    private final ReadModelWriter writer;
    volatile String poisonCase;
    volatile long poisonSequence = -1;

    TallyProjection(ReadModelWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(FamilyCaseEvent event, @SequenceNumber long sequence) {
        String caseId = event.caseId();
        Tally tally = writer.find(Tally.class, caseId);
        if (tally == null) {
            tally = new Tally();
            tally.caseId = caseId;
            tally.owner = caseId;
        }
        if (tally.version >= sequence) {
            return;
        }
        tally.sequences.add(sequence);
        tally.version = sequence;
        writer.save(tally);

        writer.upsert(byId(Board.ID), new Update().setOnInsert("last", new org.bson.Document()), Board.class);
        Long last = writer.findField(Board.class, Board.ID, "last." + caseId, board -> board.last.get(caseId));
        if (last == null || last < sequence) {
            writer.setField(Board.class, Board.ID, "last." + caseId, sequence);
        }
        writer.upsert(byId("day-" + sequence % 3), new Update().addToSet("events", caseId + "/" + sequence), Day.class);

        if (caseId.equals(poisonCase) && sequence == poisonSequence) {
            throw new IllegalStateException("cannot tally event " + sequence + " of case " + caseId);
        }
    }

    /** {@code cases} cases of {@code eventsPerCase} events each, interleaved as many coordinators working at once leave them. */
    static Map<FamilyCaseOpened, Long> interleavedHistory(int cases, int eventsPerCase) {
        Map<FamilyCaseOpened, Long> history = new LinkedHashMap<>();
        for (long sequence = 0; sequence < eventsPerCase; sequence++) {
            for (int i = 0; i < cases; i++) {
                history.put(new FamilyCaseOpened("case-" + i, "F" + sequence, "D", "anna"), sequence);
            }
        }
        return history;
    }

    /** What the projection writes for the history when every event goes straight to MongoDB, outside any batch. */
    static void writeStraightThrough(MongoTemplate mongo, Map<FamilyCaseOpened, Long> history) {
        TallyProjection projection = new TallyProjection(new ReadModelWriter(mongo));
        history.forEach(projection::on);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    @Document("test_tallies")
    static class Tally {
        @Id
        String caseId;
        String owner;
        List<Long> sequences = new ArrayList<>();
        long version = -1;
    }

    @Document("test_boards")
    static class Board {
        static final String ID = "all";
        @Id
        String id;
        Map<String, Long> last = new LinkedHashMap<>();
    }

    @Document("test_days")
    static class Day {
        @Id
        String id;
        List<String> events = new ArrayList<>();
    }
}
