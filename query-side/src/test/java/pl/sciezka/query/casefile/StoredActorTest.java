package pl.sciezka.query.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * The actor read from an event's stored metadata is the one the whole map holds, wherever it stands
 * among the other entries, and null for an event without one.
 */
class StoredActorTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private final StoredActor actors = new StoredActor(serializer);

    @Test
    void findsTheActorAmongTheOtherEntriesOfTheStoredMetadata() {
        MetaData metaData = MetaData.from(Map.of("correlationId", "c-1", "nested", Map.of("actorId", "not-this-one"),
                "actorId", "anna", "actorRole", "CASEWORKER"));
        assertThat(actors.of(stored(metaData))).isEqualTo("anna");
        assertThat(actors.of(stored(MetaData.with("actorId", "bartek")))).isEqualTo("bartek");
    }

    @Test
    void answersNullForAnEventWithoutAnActor() {
        assertThat(actors.of(stored(MetaData.with("correlationId", "c-1")))).isNull();
        assertThat(actors.of(stored(MetaData.emptyInstance()))).isNull();
    }

    /** As the event store hands events over: their metadata still in its stored form. */
    private GenericDomainEventMessage<String> stored(MetaData metaData) {
        SerializedMessage<String> serialized = new SerializedMessage<>("event-1",
                serializer.serialize("payload", byte[].class), serializer.serialize(metaData, byte[].class), serializer);
        assertThat(serialized.isMetaDataDeserialized()).isFalse();
        return new GenericDomainEventMessage<>("FamilyCase", "case-1", 0, serialized, GenericEventMessage.clock::instant);
    }
}
