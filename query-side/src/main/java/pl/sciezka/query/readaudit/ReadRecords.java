package pl.sciezka.query.readaudit;

import java.time.Instant;
import java.util.List;

/** Where the recorded reads are kept: added one at a time, read a page at a time, newest first. */
interface ReadRecords {

    void add(ReadRecord read);

    /** The reads between {@code from} and {@code to} (both included), of the case and the reader if named. */
    Page page(Instant from, Instant to, String caseId, String actor, int page, int size);

    record Page(List<ReadRecord> reads, long total) {
    }
}
