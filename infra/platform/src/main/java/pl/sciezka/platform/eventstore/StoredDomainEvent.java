package pl.sciezka.platform.eventstore;

import java.time.Instant;
import org.axonframework.eventhandling.GenericDomainEventEntry;

/** One stored event as Axon's entry, whose timestamp is read once, by {@link StoredTimestamps}. */
final class StoredDomainEvent<T> extends GenericDomainEventEntry<T> {

    private final Object storedTimestamp;
    private Instant timestamp;

    StoredDomainEvent(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                      Object storedTimestamp, String payloadType, String payloadRevision, T payload, T metaData) {
        super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, storedTimestamp, payloadType,
              payloadRevision, payload, metaData);
        this.storedTimestamp = storedTimestamp;
    }

    @Override
    public Instant getTimestamp() {
        if (timestamp == null) {
            timestamp = storedTimestamp instanceof CharSequence text ? StoredTimestamps.parse(text) : super.getTimestamp();
        }
        return timestamp;
    }
}
