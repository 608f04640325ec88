package pl.sciezka.query.readaudit;

import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Moves the reads that versions before the read audit's table recorded in MongoDB into the database, once
 * the application is up, then drops the collection. A move cut short (a crash) is finished at the next
 * start: a read already moved is not added twice, and the collection goes only after the last one.
 */
@Component
public class ReadAuditMove {

    private static final Logger log = LoggerFactory.getLogger(ReadAuditMove.class);

    private final DataSource database;
    private final MongoTemplate mongo;

    ReadAuditMove(ObjectProvider<DataSource> database, MongoTemplate mongo) {
        this.database = database.getIfUnique();
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        moveFromMongo();
    }

    /** Moves every read MongoDB still holds; answers how many were added (none without a database). */
    public int moveFromMongo() {
        if (database == null || !mongo.collectionExists(ReadRecord.COLLECTION)) {
            return 0;
        }
        JdbcReadRecords records = new JdbcReadRecords(database);
        int added = 0;
        int already = 0;
        try (Stream<ReadRecord> stored = mongo.stream(new Query(), ReadRecord.class)) {
            for (ReadRecord read : (Iterable<ReadRecord>) stored::iterator) {
                if (records.addIfAbsent(read)) {
                    added++;
                } else {
                    already++;
                }
            }
        }
        mongo.dropCollection(ReadRecord.COLLECTION);
        log.info("Moved {} recorded reads from MongoDB's {} to the database ({} were there already)",
                added, ReadRecord.COLLECTION, already);
        return added;
    }
}
