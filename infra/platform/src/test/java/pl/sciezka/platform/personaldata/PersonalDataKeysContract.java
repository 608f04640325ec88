package pl.sciezka.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The key store's promises, on each database it runs on (subclasses say which). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PersonalDataKeysContract {

    private KeyStoreDatabase database;
    private PersonalDataKeys keys;

    abstract KeyStoreDatabase startDatabase();

    @BeforeAll
    void start() {
        database = startDatabase();
        keys = database.keys();
    }

    @AfterAll
    void stop() throws Exception {
        database.close();
    }

    @Test
    void aSubjectsKeyIsMadeOnFirstUseAndFoundAgainByAnyProcess() {
        String subject = newSubject();
        assertThat(keys.forReading(subject)).isSameAs(SubjectKey.MISSING);

        SecretKey made = keys.forWriting(subject).key();

        assertThat(keys.forWriting(subject).key()).isEqualTo(made);
        assertThat(database.keys().forReading(subject).key().getEncoded()).isEqualTo(made.getEncoded()).hasSize(32);
        assertThat(database.jdbc.queryForObject("select count(*) from personal_data_key where subject_id = ?",
                Integer.class, subject)).isOne();
    }

    @Test
    void destroyingAKeyRemovesItsBytesForGoodAndIsIdempotent() {
        String subject = newSubject();
        keys.forWriting(subject);

        keys.destroy(subject);
        keys.destroy(subject);

        assertThat(keys.isDestroyed(subject)).isTrue();
        assertThat(database.keys().forReading(subject)).isSameAs(SubjectKey.DESTROYED);
        assertThat(keys.forWriting(subject)).as("never a new key for an erased subject").isSameAs(SubjectKey.DESTROYED);
        Map<String, Object> row = database.jdbc.queryForMap(
                "select secret_key, destroyed_at from personal_data_key where subject_id = ?", subject);
        assertThat(row.get("secret_key")).isNull();
        assertThat(row.get("destroyed_at")).isNotNull();
    }

    @Test
    void erasingASubjectThatHasNoKeyYetLeavesATombstoneSoNoneIsMadeLater() {
        String subject = newSubject();

        keys.destroy(subject);

        assertThat(keys.forWriting(subject)).isSameAs(SubjectKey.DESTROYED);
        assertThat(database.jdbc.queryForObject("select count(*) from personal_data_key where subject_id = ?"
                + " and secret_key is null", Integer.class, subject)).isOne();
    }

    @Test
    void anErasureRolledBackWithItsTransactionLeavesTheKeyReadable() {
        String subject = newSubject();
        SecretKey key = keys.forWriting(subject).key();

        database.transaction().executeWithoutResult(status -> {
            keys.destroy(subject);
            assertThat(keys.isDestroyed(subject)).as("inside the erasing transaction").isTrue();
            status.setRollbackOnly();
        });

        assertThat(keys.forReading(subject).key()).isEqualTo(key);
        assertThat(database.keys().forReading(subject).key()).isEqualTo(key);
    }

    /**
     * While an erasure is uncommitted, a reader in another transaction of the same process (a tracking
     * projection decrypting an earlier event) still finds the committed, live key and caches it; the
     * erasing transaction must go on seeing its own erasure, and everyone must once it commits.
     */
    @Test
    void theErasingTransactionSeesItsErasureThoughAnotherCachesTheLiveKeyMeanwhile() {
        String subject = newSubject();
        SecretKey key = keys.forWriting(subject).key();
        ExecutorService otherTransaction = Executors.newSingleThreadExecutor();
        try {
            database.transaction().executeWithoutResult(status -> {
                keys.destroy(subject);
                SubjectKey seenElsewhere = waitFor(otherTransaction.submit(() -> keys.forReading(subject)));
                assertThat(seenElsewhere.key()).as("the erasure is not committed yet").isEqualTo(key);
                assertThat(keys.isDestroyed(subject)).as("inside the erasing transaction").isTrue();
            });
        } finally {
            otherTransaction.shutdownNow();
        }
        assertThat(keys.forReading(subject)).isSameAs(SubjectKey.DESTROYED);
    }

        @Test
    void aKeyMadeInATransactionThatRollsBackIsForgottenNotUsedAgain() {
        String subject = newSubject();
        SecretKey phantom = database.transaction().execute(status -> {
            SecretKey made = keys.forWriting(subject).key();
            assertThat(keys.forWriting(subject).key()).as("the same key within the transaction").isEqualTo(made);
            status.setRollbackOnly();
            return made;
        });

        assertThat(keys.forReading(subject)).isSameAs(SubjectKey.MISSING);
        SecretKey kept = keys.forWriting(subject).key();
        assertThat(kept).isNotEqualTo(phantom);
        assertThat(database.keys().forReading(subject).key()).isEqualTo(kept);
    }

    @Test
    void anErasureCommittedByAnotherProcessIsSeenOnceTheCacheLetsGo() {
        String subject = newSubject();
        PersonalDataKeys uncached = database.keys(Duration.ZERO);
        uncached.forWriting(subject);

        database.keys().destroy(subject);

        assertThat(uncached.forReading(subject)).isSameAs(SubjectKey.DESTROYED);
    }

    /**
     * Two transactions storing the first events of one subject at once: the second's insert waits for
     * the first to commit and then collides. It must take the first's key, and its transaction must
     * still work (PostgreSQL refuses every further statement after an error unless it was confined to
     * a savepoint).
     */
    @Test
    void twoTransactionsMakingOneSubjectsFirstKeyAtOnceBothUseOneKey() throws Exception {
        String subject = newSubject();
        PersonalDataKeys otherProcess = database.keys();
        CountDownLatch firstMade = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<SecretKey> first = threads.submit(() -> database.transaction().execute(status -> {
                SecretKey made = keys.forWriting(subject).key();
                firstMade.countDown();
                pause(700); // the second transaction is now waiting on this uncommitted row
                return made;
            }));
            assertThat(firstMade.await(30, TimeUnit.SECONDS)).isTrue();
            Future<SecretKey> second = threads.submit(() -> database.transaction().execute(status -> {
                SecretKey taken = otherProcess.forWriting(subject).key();
                assertThat(database.jdbc.queryForObject("select count(*) from personal_data_key where subject_id = ?",
                        Integer.class, subject)).as("the transaction goes on after the collision").isOne();
                return taken;
            }));

            assertThat(second.get(30, TimeUnit.SECONDS).getEncoded()).isEqualTo(first.get(30, TimeUnit.SECONDS).getEncoded());
        } finally {
            threads.shutdownNow();
        }
    }

    private static <T> T waitFor(Future<T> result) {
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

        private static String newSubject() {
        return "member-" + UUID.randomUUID();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
