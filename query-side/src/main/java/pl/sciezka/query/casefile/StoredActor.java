package pl.sciezka.query.casefile;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import pl.sciezka.api.MetadataKeys;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The actor of a stored event, read from its serialised metadata without deserialising the map: a case
 * file as of a past date needs only this entry of each event's metadata, and deserialising all of it was
 * a quarter of the fold (docs/BENCHMARKS.md, eighth round). Events are stored with Jackson
 * ({@code axon.serializer.events} in sciezka-axon.yml), so the metadata is a JSON object; a message read
 * with the same serializer hands its stored bytes over as they are.
 */
final class StoredActor {

    private final Serializer eventSerializer;
    private final JsonFactory json = new JsonFactory();

    StoredActor(Serializer eventSerializer) {
        this.eventSerializer = eventSerializer;
    }

    /** The actor's id, or null when the event has none (events written by the system itself). */
    String of(EventMessage<?> message) {
        byte[] metaData = message.serializeMetaData(eventSerializer, byte[].class).getData();
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), metaData)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("the metadata of event " + message.getIdentifier() + " is no JSON object");
            }
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken value = parser.nextToken();
                if (name.equals(MetadataKeys.ACTOR_ID)) {
                    return value == JsonToken.VALUE_NULL ? null : parser.getString();
                }
                parser.skipChildren();
            }
            return null;
        }
    }
}
