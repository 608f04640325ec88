package pl.sciezka.platform.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine with two differences:
 * <ul>
 * <li>events come back as {@link StoredDomainEvent}s, whose timestamps are read without a
 *     {@code DateTimeFormatter}: an aggregate's events (what a command's aggregate and a case file as of
 *     a past date are folded from) and the tracked events the projections read, whose timestamps Axon
 *     parsed twice per event, once to decide on gaps and once for the message;</li>
 * <li>a reader at the head of the stream fetches at most once per interval ({@link HeadOfStreamPacing});</li>
 * <li>a reader whose token has gaps reads them and the events after its index by the global index
 *     ({@link ReadEventsAfterGapsByIndex}), not by reading the whole table.</li>
 * </ul>
 * The gap settings are Axon's defaults, set here because the tracked events' tokens are computed here
 * as Axon computes them.
 */
class JdbcEventEngine extends JdbcEventStorageEngine {

    private static final long LOWEST_GLOBAL_SEQUENCE = 1;
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final int GAP_TIMEOUT_MILLIS = 60_000;

    private final HeadOfStreamPacing pacing;

    JdbcEventEngine(Builder builder, Duration headFetchInterval) {
        super(builder.lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE).maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout(GAP_TIMEOUT_MILLIS).readEventDataWithGaps(new ReadEventsAfterGapsByIndex()));
        this.pacing = new HeadOfStreamPacing(headFetchInterval);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        pacing.awaitTurn();
        List<? extends TrackedEventData<?>> events = super.fetchTrackedEvents(lastToken, batchSize);
        pacing.fetched(events);
        return events;
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet row) throws SQLException {
        EventSchema schema = schema();
        return storedEvent(row, row.getString(schema.aggregateIdentifierColumn()),
                           row.getString(schema.eventIdentifierColumn()));
    }

    /** As Axon's, but for the entry's class: the token takes the same gaps. */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalIndex = row.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = row.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = row.getString(schema.eventIdentifierColumn());
        // an event published outside an aggregate is stored with its own identifier as the aggregate's
        StoredDomainEvent<?> event = storedEvent(row,
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier, eventIdentifier);
        Instant gapsTimedOutBefore = GenericEventMessage.clock.instant().minusMillis(GAP_TIMEOUT_MILLIS);
        boolean allowGaps = event.getTimestamp().isAfter(gapsTimedOutBefore);
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalIndex, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalIndex), globalIndex).boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalIndex, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    private StoredDomainEvent<?> storedEvent(ResultSet row, String aggregateIdentifier, String eventIdentifier)
            throws SQLException {
        EventSchema schema = schema();
        return new StoredDomainEvent<>(row.getString(schema.typeColumn()),
                                       aggregateIdentifier,
                                       row.getLong(schema.sequenceNumberColumn()),
                                       eventIdentifier,
                                       readTimeStamp(row, schema.timestampColumn()),
                                       row.getString(schema.payloadTypeColumn()),
                                       row.getString(schema.payloadRevisionColumn()),
                                       readPayload(row, schema.payloadColumn()),
                                       readPayload(row, schema.metaDataColumn()));
    }
}
