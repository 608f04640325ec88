package pl.sciezka.query.readaudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.audit.ReadEntry.ReadKind;
import pl.sciezka.api.audit.ReadEntry.ReadOutcome;
import pl.sciezka.query.TestMongoDatabase;

/**
 * The read audit where there is no JDBC database (profile {@code axonserver}): filtered by period, case and
 * reader, newest first, paged. The database's store is exercised by the embedded application's
 * {@code ReadAuditTest} (H2) and by {@code ScaleOutIT} (PostgreSQL).
 */
class MongoReadRecordsTest {

    private static final Instant NOON = Instant.parse("2026-11-02T12:00:00Z");

    @AutoClose
    private final TestMongoDatabase database = new TestMongoDatabase();
    private final MongoReadRecords records = new MongoReadRecords(database.template());

    @Test
    void readsComeNewestFirstByPeriodCaseAndReaderAPageAtATime() {
        records.add(read("r1", NOON, "anna", "case-1"));
        records.add(read("r2", NOON.plusSeconds(60), "celina", "case-1"));
        records.add(read("r3", NOON.plusSeconds(120), "anna", "case-2"));
        records.add(read("r4", NOON.plusSeconds(180), "anna", "case-1"));

        ReadRecords.Page all = records.page(NOON, NOON.plusSeconds(180), null, null, 0, 10);
        ReadRecords.Page annasOfCase1 = records.page(NOON, NOON.plusSeconds(180), "case-1", "anna", 0, 10);
        ReadRecords.Page secondPage = records.page(NOON, NOON.plusSeconds(180), null, null, 1, 3);
        ReadRecords.Page beforeTheLast = records.page(NOON, NOON.plusSeconds(179), null, null, 0, 10);

        assertThat(all.reads()).extracting(ReadRecord::readId).containsExactly("r4", "r3", "r2", "r1");
        assertThat(all.total()).isEqualTo(4);
        assertThat(annasOfCase1.reads()).extracting(ReadRecord::readId).containsExactly("r4", "r1");
        assertThat(secondPage.reads()).extracting(ReadRecord::readId).containsExactly("r1");
        assertThat(secondPage.total()).isEqualTo(4);
        assertThat(beforeTheLast.reads()).extracting(ReadRecord::readId).containsExactly("r3", "r2", "r1");
        assertThat(all.reads().get(0)).isEqualTo(read("r4", NOON.plusSeconds(180), "anna", "case-1"));
    }

    private static ReadRecord read(String id, Instant at, String actor, String caseId) {
        return new ReadRecord(id, at, actor, "CASEWORKER", ReadKind.CASE_FILE_AS_OF, caseId, at.minusSeconds(3600),
                ReadOutcome.SHOWN);
    }
}
