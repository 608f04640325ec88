package pl.sciezka.command.familycase;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The family cases written to most recently, kept whole in memory so that the next command on one of
 * them need not read and deserialise its events again: loading the case was a third of a command's
 * own CPU (docs/BENCHMARKS.md, fourth round). Holds at most {@code capacity} cases and forgets the one
 * least recently used. Axon's repository puts a case in as its command's events are saved and takes it
 * out again if that command rolls back; the case stays locked in between, so no other command is ever
 * served state that did not commit.
 * <p>
 * Strong references, unlike Axon's {@code WeakReferenceCache}, whose entries every young collection
 * clears. The state holds no personal data ({@link Members} keeps generation and birth year only).
 */
final class RecentCases implements Cache {

    private final Map<Object, Object> entries;

    RecentCases(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Nothing listens: the repository is the only user, and it asks rather than being told. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true;
    }
}
