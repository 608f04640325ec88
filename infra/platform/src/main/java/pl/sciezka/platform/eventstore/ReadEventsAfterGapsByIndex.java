package pl.sciezka.platform.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

/**
 * The projections' read of the events after a token that has gaps, as two lookups on the global index.
 * Axon asks for {@code (index > ? AND index <= ?) OR index IN (gaps)}; H2 2.5 answers that disjunction by
 * reading the whole event table in index order (every row of the store, each fetch), and a reader at the
 * head holds gaps whenever concurrent commands commit out of the order their rows were numbered in. The
 * same rows, as the union of the range and the gaps (which all lie below the token's index, so the two
 * never share a row), are read by the primary key on H2 and PostgreSQL alike.
 */
final class ReadEventsAfterGapsByIndex implements ReadEventDataWithGapsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, long globalIndex, int batchSize,
                                   List<Long> gaps) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql(schema, gaps.size()));
        bind(statement, globalIndex, batchSize, gaps);
        return statement;
    }

    /** Sets the parameters of {@link #sql}, which Axon's own statement takes in the same order. */
    static void bind(PreparedStatement statement, long globalIndex, int batchSize, List<Long> gaps) throws SQLException {
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
    }

    /** The statement's text for this many gaps (at least one): the range's two parameters, then the gaps. */
    static String sql(EventSchema schema, int gaps) {
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        String index = schema.globalIndexColumn();
        return select + index + " > ? AND " + index + " <= ?"
                + " UNION ALL " + select + index + " IN (" + String.join(",", Collections.nCopies(gaps, "?")) + ")"
                + " ORDER BY " + index + " ASC";
    }
}
