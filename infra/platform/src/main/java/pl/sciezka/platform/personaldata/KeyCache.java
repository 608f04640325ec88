package pl.sciezka.platform.personaldata;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The keys recently used, so a replay costs one key lookup per subject rather than one per value.
 * <p>
 * An erasure must win over a lookup that raced with it: {@link #stamp()} is taken before the lookup,
 * every invalidation moves it on, and an entry put with an outdated stamp is removed again, whichever
 * of the two ran first. Entries expire after a time-to-live, which bounds how long another process
 * (whose cache this process cannot invalidate) may still decrypt after an erasure.
 */
final class KeyCache {

    private record Entry(SubjectKey key, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();
    private final long ttlNanos;
    private final int maxEntries;

    KeyCache(long ttlNanos, int maxEntries) {
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
    }

    SubjectKey get(String subjectId) {
        Entry entry = entries.get(subjectId);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.expiresAt() > 0) {
            entries.remove(subjectId, entry);
            return null;
        }
        return entry.key();
    }

    long stamp() {
        return invalidations.get();
    }

    /** Remembers a key looked up after {@code stamp} was taken, unless an invalidation came since. */
    void put(String subjectId, SubjectKey key, long stamp) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            // crude but bounded: a replay over more subjects than this simply looks keys up again
            entries.clear();
        }
        entries.put(subjectId, new Entry(key, System.nanoTime() + ttlNanos));
        if (invalidations.get() != stamp) {
            entries.remove(subjectId);
        }
    }

    void invalidate(String subjectId) {
        invalidations.incrementAndGet();
        entries.remove(subjectId);
    }
}
