package pl.sciezka.platform.eventstore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After each start's migration, moves the H2 identity that numbers the events past the highest stored
 * global index, if a crash left it at or below it.
 * <p>
 * Why: H2 (2.5.252) reserves identity values 32 at a time and records each reservation in its own
 * system transaction, after the value that crossed into it was handed out. Other threads take the next
 * values meanwhile, and their events may be committed and written before that record is. After a
 * SIGKILL between the two, the file holds events numbered past the reservation it recovers, the
 * identity hands their numbers out again, and every append that gets one fails on the primary key:
 * Axon reads that as an aggregate id used twice, and the request answers 500. The kill-under-load test
 * met it once: the identity recovered at 2,561, the value whose reservation was lost with its unstored
 * event, while events 2,562 to 2,566 of before the kill were stored, and five new cases were refused.
 * PostgreSQL logs a sequence's advance ahead of the commits that use it, so this is H2's alone.
 * <p>
 * The identity only ever moves forward: numbers past the highest stored event that H2 already handed
 * out before the crash belong to no stored event, and a tracking token never points past a stored one.
 */
public final class GlobalIndexPastStoredEvents implements Callback {

    private static final Logger log = LoggerFactory.getLogger(GlobalIndexPastStoredEvents.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            moveIdentityPastStoredEvents(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the numbering of the stored events", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "global index past stored events";
    }

    private static void moveIdentityPastStoredEvents(Connection connection) throws SQLException {
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     select (select identity_base from information_schema.columns
                             where table_schema = current_schema and table_name = 'DOMAIN_EVENT_ENTRY'
                               and column_name = 'GLOBAL_INDEX'),
                            (select coalesce(max(global_index), 0) from domain_event_entry)""")) {
            row.next();
            long next = row.getLong(1);
            long highestStored = row.getLong(2);
            if (next > highestStored) {
                return;
            }
            // a literal: DDL takes no parameters, and both numbers are longs read from the database
            statement.execute("alter table domain_event_entry alter column global_index restart with " + (highestStored + 1));
            log.warn("The event numbering was behind the stored events after an unclean stop: it would have handed out"
                    + " {} to {} again and now goes on from {}", next, highestStored, highestStored + 1);
        }
    }
}
