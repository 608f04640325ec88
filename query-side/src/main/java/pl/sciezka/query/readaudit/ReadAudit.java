package pl.sciezka.query.readaudit;

import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.Actor;
import pl.sciezka.api.audit.ReadEntry.ReadKind;
import pl.sciezka.api.audit.ReadEntry.ReadOutcome;

/**
 * Writes down who read what of a case, and when; ids and instants only, nothing about the family. The
 * record is kept in the event store's database wherever there is one ({@link JdbcReadRecords}): it cannot
 * be rebuilt from the events, so it must not live among the read models, which may be deleted and rebuilt.
 * Without a database (profile {@code axonserver}) it stays in MongoDB.
 */
@Component
public class ReadAudit {

    private final Clock clock = Clock.systemUTC();
    private final ReadRecords records;

    ReadAudit(ObjectProvider<DataSource> database, MongoTemplate mongo) {
        DataSource jdbc = database.getIfUnique();
        this.records = jdbc == null ? new MongoReadRecords(mongo) : new JdbcReadRecords(jdbc);
    }

    /**
     * The id is an ObjectId's, which grows with time within a process, so two reads in the same
     * instant still list in the order they happened.
     */
    public void record(Actor reader, ReadKind kind, String caseId, Instant asOf, ReadOutcome outcome) {
        records.add(new ReadRecord(new ObjectId().toHexString(), clock.instant(), reader.userId(),
                reader.role().name(), kind, caseId, asOf, outcome));
    }

    ReadRecords.Page page(Instant from, Instant to, String caseId, String actor, int page, int size) {
        return records.page(from, to, caseId, actor, page, size);
    }
}
