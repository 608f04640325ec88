package pl.sciezka.platform.writes;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon's JDBC event store that an append failed on a unique key: another writer stored an event
 * at the same sequence number first, a lost race, which Axon then reports as a ConcurrencyException
 * for the command gateway to retry.
 * <p>
 * Axon's default resolver only looks for a {@code SQLIntegrityConstraintViolationException} among the
 * causes. Events are appended in a batch, and both H2 and PostgreSQL report a failed batch as a
 * {@code BatchUpdateException} that is no such exception: the lost race became an EventStoreException
 * and a 500. The SQL state is what every driver agrees on.
 */
final class UniqueViolationResolver implements PersistenceExceptionResolver {

    /** SQL standard "unique violation", as H2 and PostgreSQL report it. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Driver chains are short; the bound only guards against a chain that loops. */
    private static final int MAX_DEPTH = 16;

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return isUniqueViolation(exception, 0);
    }

    private static boolean isUniqueViolation(Throwable failure, int depth) {
        if (failure == null || depth > MAX_DEPTH) {
            return false;
        }
        if (failure instanceof SQLException sql && (UNIQUE_VIOLATION.equals(sql.getSQLState())
                || isUniqueViolation(sql.getNextException(), depth + 1))) {
            return true;
        }
        return isUniqueViolation(failure.getCause(), depth + 1);
    }
}
