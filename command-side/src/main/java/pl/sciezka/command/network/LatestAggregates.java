package pl.sciezka.command.network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Network aggregates as of their last event, kept between commands for reading. Every referral,
 * acceptance and delivery reads an institution or an offering, which rarely change, and loading one from
 * its events (a snapshot query, an events query, the aggregate built by Spring) was 6 % of a command's
 * CPU (docs/BENCHMARKS.md, nineteenth round). Each read still asks the event store for the aggregate's
 * last sequence number, so an answer is as current as the store, whoever wrote to it, another command
 * node included; the aggregate is loaded again only when that number has moved.
 * <p>
 * The roots kept here are read, never handled: a command that changes an institution or an offering
 * loads its own instance from the repository.
 */
final class LatestAggregates<A> {

    private final Repository<A> repository;
    private final EventStore events;
    private final Map<String, Loaded<A>> loaded;

    LatestAggregates(Repository<A> repository, EventStore events, int capacity) {
        this.repository = repository;
        this.events = events;
        this.loaded = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Loaded<A>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The aggregate as of its last stored event, or empty if none was ever stored under {@code id}. */
    Optional<A> get(String id) {
        Optional<Long> last = id == null ? Optional.empty() : events.lastSequenceNumberFor(id);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Loaded<A> known = known(id);
        if (known != null && last.get().equals(known.version())) {
            return Optional.of(known.root());
        }
        try {
            Aggregate<A> aggregate = repository.load(id);
            A root = aggregate.invoke(r -> r);
            remember(id, new Loaded<>(aggregate.version(), root));
            return Optional.of(root);
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        }
    }

    private synchronized Loaded<A> known(String id) {
        return loaded.get(id);
    }

    private synchronized void remember(String id, Loaded<A> aggregate) {
        loaded.put(id, aggregate);
    }

    private record Loaded<A>(Long version, A root) {
    }
}
