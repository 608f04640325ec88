package pl.sciezka.api.audit;

import java.util.List;

/** One page of decisions, newest first, and how many match in all. */
public record DecisionPage(List<TimelineEntry> decisions, int page, int size, long total) {

    public DecisionPage {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }
}
