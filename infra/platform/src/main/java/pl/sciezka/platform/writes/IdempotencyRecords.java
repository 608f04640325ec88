package pl.sciezka.platform.writes;

import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code idempotency_key} table (migration V2): one row per user and key. Statements run on the
 * connection of the Spring transaction the command's unit of work started, the one Axon appends the
 * command's events on, so a key and its events are committed, or rolled back, together.
 */
class IdempotencyRecords {

    private final JdbcTemplate jdbc;

    IdempotencyRecords(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    Optional<RecordedCommand> find(String actorId, String key) {
        return jdbc.query("""
                        select command_name, fingerprint, result_type, result_revision, result
                          from idempotency_key where actor_id = ? and idempotency_key = ?""",
                (row, n) -> new RecordedCommand(row.getString("command_name"), row.getString("fingerprint"),
                        row.getString("result_type") == null ? null : new SimpleSerializedObject<>(
                                row.getBytes("result"), byte[].class,
                                row.getString("result_type"), row.getString("result_revision"))),
                actorId, key).stream().findFirst();
    }

    /**
     * Inserts the key before the command is handled. A concurrent request with the same key blocks on
     * the row until this transaction ends, then fails on the primary key if this one committed: so of
     * two requests racing with one key, exactly one is handled.
     *
     * @throws org.springframework.dao.DuplicateKeyException when another transaction holds the key
     * @throws org.springframework.dao.TransientDataAccessException when waiting for it timed out
     */
    void claim(String actorId, String key, String commandName, String fingerprint) {
        jdbc.update("insert into idempotency_key (actor_id, idempotency_key, command_name, fingerprint)"
                + " values (?, ?, ?, ?)", actorId, key, commandName, fingerprint);
    }

    void complete(String actorId, String key, SerializedObject<byte[]> result) {
        jdbc.update("update idempotency_key set result_type = ?, result_revision = ?, result = ?"
                        + " where actor_id = ? and idempotency_key = ?",
                result == null ? null : result.getType().getName(),
                result == null ? null : result.getType().getRevision(),
                result == null ? null : result.getData(),
                actorId, key);
    }
}
