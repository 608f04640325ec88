package pl.sciezka.query.readaudit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import pl.sciezka.api.audit.ReadEntry;

/**
 * One recorded read. Not a projection: reads are not events, so a read is written only when it is
 * answered, never emptied by a rebuild, and never updated (in the database's {@code read_audit}, or in
 * MongoDB's collection of that name where there is no database).
 */
@Document(ReadRecord.COLLECTION)
record ReadRecord(@Id String readId, Instant at, String actor, String role, ReadEntry.ReadKind kind, String caseId,
                  Instant asOf, ReadEntry.ReadOutcome outcome) {

    static final String COLLECTION = "read_audit";

    ReadEntry toEntry() {
        return new ReadEntry(readId, at, actor, role, kind, caseId, asOf, outcome);
    }
}
