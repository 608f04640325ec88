package pl.sciezka.api.audit;

import java.util.List;

/** One page of recorded reads, newest first, and how many match in all. */
public record ReadPage(List<ReadEntry> reads, int page, int size, long total) {

    public ReadPage {
        reads = reads == null ? List.of() : List.copyOf(reads);
    }
}
