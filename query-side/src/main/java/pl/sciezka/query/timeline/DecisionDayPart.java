package pl.sciezka.query.timeline;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import pl.sciezka.api.audit.TimelineEntry;

/**
 * One of the {@link #PARTS} documents that hold a day's decisions (UTC) across all cases, keyed by event
 * id; a case's decisions of a day are all in the part its id picks. A period is read as lookups by
 * {@code _id}, and writing an entry twice leaves one entry. A day is split because every decision
 * rewrites its whole document (the embedded server clones and compares it, MongoDB's storage writes it
 * anew): with one document per day, a day's cost grew with the square of its decisions, and under load
 * the view of a busy day fell behind.
 */
@Document(DecisionDayPart.COLLECTION)
record DecisionDayPart(@Id String id, Map<String, TimelineEntry> decisions) {

    static final String COLLECTION = "decision_day_parts";
    /** The collection of whole days, before the parts; a timeline's reset drops it. */
    static final String WHOLE_DAYS_COLLECTION = "decisions_by_day";
    static final int PARTS = 32;

    DecisionDayPart {
        decisions = decisions == null ? new LinkedHashMap<>() : decisions;
    }

    /** The part of a day that holds a case's decisions: "2026-12-06/07". */
    static String idOf(LocalDate day, String caseId) {
        return id(day, Math.floorMod(caseId.hashCode(), PARTS));
    }

    /** Every part a day may have. */
    static List<String> idsOf(LocalDate day) {
        return IntStream.range(0, PARTS).mapToObj(part -> id(day, part)).toList();
    }

    private static String id(LocalDate day, int part) {
        return day + "/" + (part < 10 ? "0" : "") + part;
    }
}
