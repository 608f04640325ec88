package pl.sciezka.platform.h2;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/** Reaching the MVStore under an H2 data source, for work H2 leaves undone with {@code WRITE_DELAY=0}. */
public final class H2Stores {

    private H2Stores() {
    }

    /** The store of the H2 database in a file behind the data source, opened in this JVM; null for any other database. */
    public static MVStore fileStoreBehind(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                    ? session.getDatabase().getStore().getMvStore() : null;
            return store == null || store.getFileStore() == null ? null : store;
        }
    }
}
