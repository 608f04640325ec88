package pl.sciezka.platform.personaldata;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A real database with the application's own migrations applied: H2 in memory, or a PostgreSQL server. */
final class KeyStoreDatabase implements AutoCloseable {

    final DataSource dataSource;
    final DataSourceTransactionManager transactions;
    final JdbcTemplate jdbc;
    private final AutoCloseable server;

    private KeyStoreDatabase(DataSource dataSource, String vendor, AutoCloseable server) {
        this.dataSource = dataSource;
        this.server = server;
        this.transactions = new DataSourceTransactionManager(dataSource);
        this.jdbc = new JdbcTemplate(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor).load().migrate();
    }

    static KeyStoreDatabase h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return new KeyStoreDatabase(dataSource, "h2", () -> new JdbcTemplate(dataSource).execute("shutdown"));
    }

    static KeyStoreDatabase postgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new KeyStoreDatabase(postgres.getPostgresDatabase(), "postgresql", postgres);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL", e);
        }
    }

    PersonalDataKeys keys() {
        return keys(Duration.ofMinutes(5));
    }

    PersonalDataKeys keys(Duration cacheTimeToLive) {
        return new PersonalDataKeys(dataSource, transactions, cacheTimeToLive, 10_000);
    }

    TransactionTemplate transaction() {
        return new TransactionTemplate(transactions);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
