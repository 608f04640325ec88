package pl.sciezka.query.readaudit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import pl.sciezka.api.audit.ReadEntry.ReadKind;
import pl.sciezka.api.audit.ReadEntry.ReadOutcome;

/**
 * The reads in table {@code read_audit} of the event store's database ({@code V5__read_audit.sql}). Each
 * insert commits on its own connection, whatever transaction the query runs in: the read was answered.
 */
final class JdbcReadRecords implements ReadRecords {

    private static final String COLUMNS = "read_id, at, actor, role, kind, case_id, as_of, outcome";
    private static final String DUPLICATE_KEY = "23505";

    private final DataSource database;

    JdbcReadRecords(DataSource database) {
        this.database = database;
    }

    @Override
    public void add(ReadRecord read) {
        try {
            insert(read);
        } catch (SQLException failed) {
            throw new IllegalStateException("could not record a read", failed);
        }
    }

    /** Adds the read unless one with its id is there already; answers whether it added it. */
    boolean addIfAbsent(ReadRecord read) {
        try {
            insert(read);
            return true;
        } catch (SQLException failed) {
            if (DUPLICATE_KEY.equals(failed.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("could not record a read", failed);
        }
    }

    private void insert(ReadRecord read) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into read_audit (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, read.readId());
            insert.setObject(2, utc(read.at()));
            insert.setString(3, read.actor());
            insert.setString(4, read.role());
            insert.setString(5, read.kind().name());
            insert.setString(6, read.caseId());
            insert.setObject(7, utc(read.asOf()));
            insert.setString(8, read.outcome().name());
            insert.executeUpdate();
        }
    }

    @Override
    public Page page(Instant from, Instant to, String caseId, String actor, int page, int size) {
        List<Object> parameters = new ArrayList<>(List.of(utc(from), utc(to)));
        StringBuilder where = new StringBuilder(" from read_audit where at >= ? and at <= ?");
        if (caseId != null) {
            where.append(" and case_id = ?");
            parameters.add(caseId);
        }
        if (actor != null) {
            where.append(" and actor = ?");
            parameters.add(actor);
        }
        try (Connection connection = database.getConnection()) {
            long total;
            try (PreparedStatement count = prepared(connection, "select count(*)" + where, parameters);
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
            List<Object> paged = new ArrayList<>(parameters);
            paged.add(size);
            paged.add((long) page * size);
            List<ReadRecord> reads = new ArrayList<>();
            try (PreparedStatement select = prepared(connection, "select " + COLUMNS + where
                    + " order by at desc, read_id desc limit ? offset ?", paged);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reads.add(new ReadRecord(rows.getString(1), instant(rows, 2), rows.getString(3), rows.getString(4),
                            ReadKind.valueOf(rows.getString(5)), rows.getString(6), instant(rows, 7),
                            ReadOutcome.valueOf(rows.getString(8))));
                }
            }
            return new Page(reads, total);
        } catch (SQLException failed) {
            throw new IllegalStateException("could not read the read audit", failed);
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime at = rows.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
