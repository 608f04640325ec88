package pl.sciezka.query.readaudit;

import java.time.Clock;
import java.time.Instant;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.Actor;
import pl.sciezka.api.audit.ReadEntry.ReadKind;
import pl.sciezka.api.audit.ReadEntry.ReadOutcome;

/** Writes down who read what of a case, and when; ids and instants only, nothing about the family. */
@Component
public class ReadAudit {

    private final MongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    ReadAudit(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The id is an ObjectId's, which grows with time within a process, so two reads in the same
     * millisecond (the resolution MongoDB keeps) still list in the order they happened.
     */
    public void record(Actor reader, ReadKind kind, String caseId, Instant asOf, ReadOutcome outcome) {
        mongo.insert(new ReadRecord(new ObjectId().toHexString(), clock.instant(), reader.userId(),
                reader.role().name(), kind, caseId, asOf, outcome));
    }
}
