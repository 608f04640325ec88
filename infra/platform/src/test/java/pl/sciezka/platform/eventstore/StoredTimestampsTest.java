package pl.sciezka.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class StoredTimestampsTest {

    @Test
    void readsEveryTimestampAxonWritesAsAxonReadsIt() {
        Random random = new Random(11);
        long from = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            Instant written = Instant.ofEpochMilli(from + (long) (random.nextDouble() * (to - from)));
            String stored = DateTimeUtils.formatInstant(written);
            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(written)
                    .isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void leavesOtherShapesToAxonsParser() {
        for (String stored : new String[] {
                "2026-11-24T11:15:30.123+01:00", "2026-11-24T10:15:30Z", "2026-11-24T10:15:30.123456Z",
                "2026-11-24t10:15:30.123z", "2024-02-29T23:59:59.999Z"}) {
            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void refusesWhatAxonRefuses() {
        for (String stored : new String[] {
                "2026-13-24T10:15:30.123Z", "2025-02-29T10:15:30.123Z", "2026-11-24T24:15:30.123Z",
                "2026-11-24T10:15:3x.123Z", "2026-11-24 10:15:30.123Z", "-026-11-24T10:15:30.123Z"}) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(stored)).as(stored).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> StoredTimestamps.parse(stored)).as(stored).isInstanceOf(DateTimeException.class);
        }
    }
}
