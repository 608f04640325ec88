package pl.sciezka.platform.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine, unchanged except that an aggregate's events (what a command's aggregate and a
 * case file as of a past date are folded from) come back as {@link StoredDomainEvent}s, whose
 * timestamps are read without a {@code DateTimeFormatter}.
 */
class TimestampReadingJdbcEngine extends JdbcEventStorageEngine {

    TimestampReadingJdbcEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet row) throws SQLException {
        EventSchema schema = schema();
        return new StoredDomainEvent<>(row.getString(schema.typeColumn()),
                                       row.getString(schema.aggregateIdentifierColumn()),
                                       row.getLong(schema.sequenceNumberColumn()),
                                       row.getString(schema.eventIdentifierColumn()),
                                       readTimeStamp(row, schema.timestampColumn()),
                                       row.getString(schema.payloadTypeColumn()),
                                       row.getString(schema.payloadRevisionColumn()),
                                       readPayload(row, schema.payloadColumn()),
                                       readPayload(row, schema.metaDataColumn()));
    }
}
