package pl.sciezka.api.audit;

import java.util.List;

/** Every event of one case, oldest first. */
public record Timeline(String caseId, List<TimelineEntry> entries) {

    public Timeline {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
