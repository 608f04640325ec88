package pl.sciezka.platform.personaldata;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import pl.sciezka.api.personaldata.ErasesDataSubject;

/**
 * One AES-256 key per data subject, in table {@code personal_data_key}; destroying a subject's key
 * erases all of their personal data in the stored events at once (crypto-shredding).
 * <p>
 * "Outside the event store" means outside the append-only event table: the keys share its database,
 * so that the erasure event and the key's destruction commit in one transaction, yet a key can be
 * destroyed while no event is ever rewritten. Every method joins the caller's transaction on the same
 * {@link DataSource}, as Axon's JDBC event store does; a key made while an event is being stored
 * commits or rolls back with that event.
 * <p>
 * A destroyed key leaves a tombstone row, so no key is ever made again for that subject: personal
 * data written for them afterwards is stored as already erased. Key bytes are never logged.
 */
public class PersonalDataKeys {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);
    private static final int KEY_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;
    private final KeyCache cache;
    private final SecureRandom random = new SecureRandom();
    /** Binds, per transaction, the keys it made: they exist for no one else until it commits. */
    private final Object transactionResource = new Object();

    public PersonalDataKeys(DataSource dataSource, PlatformTransactionManager transactions,
                            Duration cacheTimeToLive, int cacheSize) {
        this.jdbc = new JdbcTemplate(dataSource);
        // a savepoint inside the caller's transaction, so a lost race to create a key does not abort
        // it (PostgreSQL refuses every statement after an error), or a transaction of its own
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.cache = new KeyCache(cacheTimeToLive.toNanos(), cacheSize);
    }

    /**
     * Erases a data subject: destroys their key, so every {@link pl.sciezka.api.personaldata.PersonalData}
     * value of theirs, in every event stored, reads as erased from the moment this commits. Idempotent,
     * and final: the subject never gets a key again. Joins the caller's transaction, so call it from a
     * handler of the erasure event running in the transaction that stores that event, as the handler
     * of {@link ErasesDataSubject} events does; a rolled-back erasure leaves the key in place.
     */
    public void destroy(String subjectId) {
        requireId(subjectId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean tombstoneOnly = insertIfAbsent(subjectId, null, now);
        if (!tombstoneOnly) {
            jdbc.update("update personal_data_key set secret_key = null, destroyed_at = ?"
                    + " where subject_id = ? and destroyed_at is null", now, subjectId);
        }
        cache.invalidate(subjectId);
        // this transaction sees its own erasure even if another one caches the key again meanwhile,
        // reading the committed row, as a tracking projection decrypting an earlier event may
        rememberWhenCommitted(subjectId, SubjectKey.DESTROYED, cache.stamp());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a lookup in another transaction may have cached the key again before this committed
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(subjectId);
                }
            });
        }
        log.info("Personal-data key of data subject {} destroyed", subjectId);
    }

    /** Whether the subject has been erased (in this transaction, or committed by another). */
    public boolean isDestroyed(String subjectId) {
        return forReading(subjectId).isDestroyed();
    }

    /** The subject's key for encrypting, made on first use; {@link SubjectKey#DESTROYED} once erased. */
    SubjectKey forWriting(String subjectId) {
        SubjectKey existing = forReading(subjectId);
        if (existing != SubjectKey.MISSING) {
            return existing;
        }
        long stamp = cache.stamp();
        byte[] secret = new byte[KEY_BYTES];
        random.nextBytes(secret);
        SubjectKey made = SubjectKey.live(new SecretKeySpec(secret, "AES"));
        boolean inserted = insertIfAbsent(subjectId, secret, OffsetDateTime.now(ZoneOffset.UTC));
        Arrays.fill(secret, (byte) 0);
        if (!inserted) {
            // another transaction made it first and has committed: use theirs
            SubjectKey theirs = load(subjectId);
            cache.put(subjectId, theirs, stamp);
            return theirs;
        }
        rememberWhenCommitted(subjectId, made, stamp);
        return made;
    }

    /** The subject's key for decrypting: live, destroyed, or missing (never made here, or lost). */
    SubjectKey forReading(String subjectId) {
        requireId(subjectId);
        SubjectKey known = known(subjectId);
        if (known != null) {
            return known;
        }
        long stamp = cache.stamp();
        SubjectKey stored = load(subjectId);
        if (stored != SubjectKey.MISSING) {
            // "missing" is not kept: another process may make the key a moment later
            cache.put(subjectId, stored, stamp);
        }
        return stored;
    }

    private SubjectKey known(String subjectId) {
        Map<String, SubjectKey> made = keysMadeInThisTransaction();
        SubjectKey mine = made == null ? null : made.get(subjectId);
        return mine != null ? mine : cache.get(subjectId);
    }

    private SubjectKey load(String subjectId) {
        List<SubjectKey> rows = jdbc.query("select secret_key from personal_data_key where subject_id = ?",
                (row, index) -> {
                    byte[] secret = row.getBytes(1);
                    if (secret == null) {
                        return SubjectKey.DESTROYED;
                    }
                    SecretKey key = new SecretKeySpec(secret, "AES");
                    Arrays.fill(secret, (byte) 0);
                    return SubjectKey.live(key);
                }, subjectId);
        return rows.isEmpty() ? SubjectKey.MISSING : rows.get(0);
    }

    /** Inserts a live key, or with {@code secret == null} a tombstone; false if the subject has a row already. */
    private boolean insertIfAbsent(String subjectId, byte[] secret, OffsetDateTime now) {
        try {
            savepoint.executeWithoutResult(status -> jdbc.update(
                    "insert into personal_data_key (subject_id, secret_key, created_at, destroyed_at) values (?, ?, ?, ?)",
                    subjectId, secret, now, secret == null ? now : null));
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * A key made in a transaction is known to that transaction at once, and to the cache only once it
     * has committed: cached earlier, a rollback would leave a key that exists nowhere else, and the
     * next event encrypted with it could never be read.
     */
    private void rememberWhenCommitted(String subjectId, SubjectKey key, long stamp) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.put(subjectId, key, stamp);
            return;
        }
        Map<String, SubjectKey> made = keysMadeInThisTransaction();
        if (made == null) {
            Map<String, SubjectKey> fresh = new HashMap<>();
            made = fresh;
            TransactionSynchronizationManager.bindResource(transactionResource, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fresh.forEach((subject, madeKey) -> cache.put(subject, madeKey, stamp));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(transactionResource);
                }
            });
        }
        made.put(subjectId, key);
    }

    @SuppressWarnings("unchecked")
    private Map<String, SubjectKey> keysMadeInThisTransaction() {
        return (Map<String, SubjectKey>) TransactionSynchronizationManager.getResource(transactionResource);
    }

    private static void requireId(String subjectId) {
        if (subjectId == null || subjectId.isBlank()) {
            throw new IllegalArgumentException("a data subject id must not be blank");
        }
    }
}
