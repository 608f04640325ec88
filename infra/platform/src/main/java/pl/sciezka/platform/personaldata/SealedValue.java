package pl.sciezka.platform.personaldata;

import java.util.Base64;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * A personal value as it stands in a stored event: an object that names its format and its data
 * subject, so any reader (and an operator reading the raw JSON) can tell it from plaintext.
 * <pre>{@code "firstName": {"encrypted": "AES-256-GCM", "subject": "<subject id>", "iv": "<base64>", "ciphertext": "<base64>"}}</pre>
 * Without {@code iv} and {@code ciphertext} it records that the subject had already been erased when
 * the event was written, so there was nothing to encrypt.
 */
record SealedValue(String subjectId, byte[] iv, byte[] ciphertext) {

    static final String FORMAT = "AES-256-GCM";
    private static final String ENCRYPTED = "encrypted";
    private static final String SUBJECT = "subject";
    private static final String IV = "iv";
    private static final String CIPHERTEXT = "ciphertext";

    static SealedValue erased(String subjectId) {
        return new SealedValue(subjectId, null, null);
    }

    boolean isErased() {
        return ciphertext == null;
    }

    void write(JsonGenerator json) {
        json.writeStartObject();
        json.writeStringProperty(ENCRYPTED, FORMAT);
        json.writeStringProperty(SUBJECT, subjectId);
        if (!isErased()) {
            json.writeStringProperty(IV, Base64.getEncoder().encodeToString(iv));
            json.writeStringProperty(CIPHERTEXT, Base64.getEncoder().encodeToString(ciphertext));
        }
        json.writeEndObject();
    }

    /** The sealed value the node holds, or null when it is a plain value (stored before encryption). */
    static SealedValue read(JsonNode node) {
        if (!node.isObject() || !FORMAT.equals(node.path(ENCRYPTED).asString(null))
                || !node.path(SUBJECT).isString()) {
            return null;
        }
        String subjectId = node.get(SUBJECT).asString();
        if (!node.path(IV).isString() || !node.path(CIPHERTEXT).isString()) {
            return erased(subjectId);
        }
        try {
            return new SealedValue(subjectId, Base64.getDecoder().decode(node.get(IV).asString()),
                    Base64.getDecoder().decode(node.get(CIPHERTEXT).asString()));
        } catch (IllegalArgumentException damaged) {
            return new SealedValue(subjectId, new byte[0], new byte[0]);
        }
    }
}
