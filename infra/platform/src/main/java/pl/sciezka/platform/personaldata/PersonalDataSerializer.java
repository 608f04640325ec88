package pl.sciezka.platform.personaldata;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@code @PersonalData} value as a {@link SealedValue}. A {@code String} is encrypted as its
 * UTF-8 bytes, any other value as its JSON. {@code null} never reaches here and is stored as null.
 */
final class PersonalDataSerializer extends ValueSerializer<Object> {

    /** Set while a value is turned into the JSON that will be encrypted as a whole. */
    private static final ThreadLocal<Boolean> INSIDE_SEALED_VALUE = new ThreadLocal<>();

    private final SubjectCipher cipher;

    PersonalDataSerializer(SubjectCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void serialize(Object value, JsonGenerator json, SerializationContext context) {
        if (INSIDE_SEALED_VALUE.get() != null) {
            // part of a personal value encrypted as a whole (an address with a personal street): once is enough
            context.writeValue(json, value);
            return;
        }
        String subjectId = DataSubjects.ofValueBeingWritten(json);
        cipher.seal(subjectId, plaintext(value, context)).write(json);
    }

    private static byte[] plaintext(Object value, SerializationContext context) {
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        INSIDE_SEALED_VALUE.set(Boolean.TRUE);
        try {
            return context.valueToTree(value).toString().getBytes(StandardCharsets.UTF_8);
        } finally {
            INSIDE_SEALED_VALUE.remove();
        }
    }
}
