package pl.sciezka.query.pseudonyms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Stable keyed pseudonyms for what evaluators see (case, member and user ids): HMAC-SHA256 under a
 * secret, so the same id always gives the same pseudonym, but no one without the secret can go
 * back. The secret is {@code sciezka.pseudonyms.secret} if set, else one generated once and kept
 * beside the read models, so pseudonyms stay stable across restarts and rebuilds.
 */
@Component
public class Pseudonyms {

    private static final String SETTINGS = "settings";
    private static final String KEY_ID = "pseudonym-secret";

    private final byte[] secret;

    Pseudonyms(MongoTemplate mongo, @Value("${sciezka.pseudonyms.secret:}") String configured) {
        this.secret = configured.isEmpty() ? storedSecret(mongo) : configured.getBytes(StandardCharsets.UTF_8);
    }

    /** For example {@code case-3f9a…}: the kind stays readable, the id does not. */
    public String of(String kind, String id) {
        if (id == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((kind + ":" + id).getBytes(StandardCharsets.UTF_8));
            return kind + "-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static byte[] storedSecret(MongoTemplate mongo) {
        Document existing = mongo.findById(KEY_ID, Document.class, SETTINGS);
        if (existing == null) {
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            try {
                mongo.insert(new Document("_id", KEY_ID).append("value", Base64.getEncoder().encodeToString(generated)),
                        SETTINGS);
            } catch (org.springframework.dao.DuplicateKeyException anotherInstanceWasFirst) {
                return storedSecret(mongo);
            }
            return generated;
        }
        return Base64.getDecoder().decode(existing.getString("value"));
    }
}
