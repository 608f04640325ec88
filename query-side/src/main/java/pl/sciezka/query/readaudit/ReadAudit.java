package pl.sciezka.query.readaudit;

import java.time.Clock;
import java.time.Instant;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
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
        // supervisors ask by case or by reader, newest first; Spring Boot creates no index by itself
        IndexOperations indexes = mongo.indexOps(ReadRecord.class);
        indexes.createIndex(new Index().named("by_case").on("caseId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        indexes.createIndex(new Index().named("by_actor").on("actor", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        indexes.createIndex(new Index().named("by_time").on("at", Sort.Direction.DESC));
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
