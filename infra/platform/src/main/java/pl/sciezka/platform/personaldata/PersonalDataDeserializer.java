package pl.sciezka.platform.personaldata;

import java.nio.charset.StandardCharsets;
import pl.sciezka.api.personaldata.PersonalData;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@code @PersonalData} value: decrypts a {@link SealedValue}, and when it cannot be opened
 * (the subject was erased) yields {@link PersonalData#ERASED} where a {@code String} fits and
 * {@code null} elsewhere. A plain value, stored before the component was marked, is read as it is.
 */
final class PersonalDataDeserializer extends ValueDeserializer<Object> {

    private final SubjectCipher cipher;
    private final JavaType type;

    PersonalDataDeserializer(SubjectCipher cipher, JavaType type) {
        this.cipher = cipher;
        this.type = type;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        JavaType propertyType = property == null ? context.constructType(Object.class) : property.getType();
        return propertyType.equals(type) ? this : new PersonalDataDeserializer(cipher, propertyType);
    }

    @Override
    public Object deserialize(JsonParser json, DeserializationContext context) {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            return context.readValue(json, type);
        }
        JsonNode node = context.readTree(json);
        SealedValue sealed = SealedValue.read(node);
        if (sealed == null) {
            return context.readTreeAsValue(node, type);
        }
        return cipher.open(sealed)
                .map(plaintext -> decode(plaintext, context))
                .orElseGet(this::erased);
    }

    private Object decode(byte[] plaintext, DeserializationContext context) {
        if (type.hasRawClass(String.class)) {
            return new String(plaintext, StandardCharsets.UTF_8);
        }
        try (JsonParser parser = context.tokenStreamFactory().createParser(context, plaintext)) {
            parser.nextToken();
            return context.readTreeAsValue(context.readTree(parser), type);
        }
    }

    private Object erased() {
        return type.isTypeOrSuperTypeOf(String.class) ? PersonalData.ERASED : null;
    }
}
