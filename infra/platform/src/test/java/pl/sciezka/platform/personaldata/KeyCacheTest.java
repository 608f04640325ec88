package pl.sciezka.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The cache never outlives an erasure in this process, whatever order a lookup and the erasure run in. */
class KeyCacheTest {

    private final KeyCache cache = new KeyCache(Duration.ofMinutes(5).toNanos(), 2);

    @Test
    void aKeyLookedUpBeforeAnErasureIsNotKeptAfterIt() {
        long stamp = cache.stamp();
        // ... the lookup reads the live key while the erasure commits and invalidates
        cache.invalidate("s");
        cache.put("s", SubjectKey.live(new SecretKeySpec(new byte[32], "AES")), stamp);

        assertThat(cache.get("s")).isNull();
    }

    @Test
    void aKeyLookedUpAfterTheLastErasureIsKept() {
        cache.invalidate("other");
        long stamp = cache.stamp();
        cache.put("s", SubjectKey.DESTROYED, stamp);

        assertThat(cache.get("s")).isSameAs(SubjectKey.DESTROYED);
    }

    @Test
    void aFullCacheStartsAfreshRatherThanGrow() {
        cache.put("a", SubjectKey.DESTROYED, cache.stamp());
        cache.put("b", SubjectKey.DESTROYED, cache.stamp());
        cache.put("c", SubjectKey.DESTROYED, cache.stamp());

        assertThat(cache.get("a")).isNull();
        assertThat(cache.get("c")).isSameAs(SubjectKey.DESTROYED);
    }

    @Test
    void withoutATimeToLiveNothingIsKept() {
        KeyCache off = new KeyCache(0, 10);
        off.put("s", SubjectKey.DESTROYED, off.stamp());

        assertThat(off.get("s")).isNull();
    }
}
