package pl.sciezka.query.timeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import pl.sciezka.api.audit.TimelineEntry;

/**
 * The decisions of one day (UTC) across all cases, keyed by event id: a period is read as a handful
 * of lookups by {@code _id}, and writing an entry twice leaves one entry.
 */
@Document(DecisionDay.COLLECTION)
record DecisionDay(@Id String day, Map<String, TimelineEntry> decisions) {

    static final String COLLECTION = "decisions_by_day";

    DecisionDay {
        decisions = decisions == null ? new LinkedHashMap<>() : decisions;
    }
}
