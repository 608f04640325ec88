package pl.sciezka.platform.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts a personal value with its subject's key and opens it again: AES-256-GCM, a random 96-bit
 * IV per value, the subject id as associated data (a ciphertext moved to another subject's label does
 * not open). Reading never fails: a destroyed, missing or wrong key yields {@link Optional#empty()},
 * which readers turn into the erasure marker, so a replay goes on whatever it meets.
 */
final class SubjectCipher {

    private static final Logger log = LoggerFactory.getLogger(SubjectCipher.class);
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_REPORTED_SUBJECTS = 1000;

    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is not available in this JVM", e);
        }
    });

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** {@code keys} null: no key store here (no database), so personal data can be neither written nor read. */
    SubjectCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    SealedValue seal(String subjectId, byte[] plaintext) {
        if (keys == null) {
            throw new IllegalStateException("Personal data of data subject " + subjectId
                    + " cannot be stored: no personal-data key store (it needs a JDBC DataSource) is configured");
        }
        SubjectKey key = keys.forWriting(subjectId);
        if (!key.isLive()) {
            log.warn("Personal data written for data subject {}, who has been erased: stored as erased", subjectId);
            return SealedValue.erased(subjectId);
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = init(Cipher.ENCRYPT_MODE, key.key(), iv, subjectId);
            return new SealedValue(subjectId, iv, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data of data subject " + subjectId, e);
        }
    }

    Optional<byte[]> open(SealedValue sealed) {
        if (sealed.isErased()) {
            return Optional.empty();
        }
        if (keys == null) {
            reportOnce(sealed.subjectId(), "no personal-data key store is configured");
            return Optional.empty();
        }
        SubjectKey key = keys.forReading(sealed.subjectId());
        if (key.isDestroyed()) {
            return Optional.empty();
        }
        if (!key.isLive()) {
            reportOnce(sealed.subjectId(), "the key store has no key for this subject (restored from an older backup?)");
            return Optional.empty();
        }
        try {
            Cipher cipher = init(Cipher.DECRYPT_MODE, key.key(), sealed.iv(), sealed.subjectId());
            return Optional.of(cipher.doFinal(sealed.ciphertext()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            reportOnce(sealed.subjectId(), "a value does not decrypt with the subject's key (damaged, or not sealed with it): "
                    + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static Cipher init(int mode, SecretKey key, byte[] iv, String subjectId) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** Once per subject, so a replay over damaged data does not flood the log. */
    private void reportOnce(String subjectId, String problem) {
        if (reported.size() < MAX_REPORTED_SUBJECTS && reported.add(subjectId)) {
            log.error("Personal data of data subject {} reads as erased: {}", subjectId, problem);
        }
    }
}
