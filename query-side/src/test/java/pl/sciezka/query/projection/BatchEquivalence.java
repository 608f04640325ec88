package pl.sciezka.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.query.TestMongoDatabase;

/**
 * Checks a projection that writes through the read-model batch: the same stored events handled one
 * per batch and a hundred per batch leave the same documents, and handling them all again (a fresh
 * token, as after a lost one) changes nothing.
 */
public final class BatchEquivalence {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private BatchEquivalence() {
    }

    /** Returns the documents, for the caller's own checks of what the projection made. */
    public static Map<String, List<Document>> assertSameDocuments(String processor, Function<MongoTemplate, Object> projection,
                                                                  List<DomainEventMessage<?>> events, List<String> collections) {
        try (TestMongoDatabase single = new TestMongoDatabase(); TestMongoDatabase batched = new TestMongoDatabase()) {
            run(processor, 1, projection, events, single.template());
            run(processor, 100, projection, events, batched.template());
            Map<String, List<Document>> oneByOne = documents(single.template(), collections);
            assertThat(documents(batched.template(), collections)).isEqualTo(oneByOne);
            run(processor, 100, projection, events, batched.template());
            assertThat(documents(batched.template(), collections)).as("after redelivery").isEqualTo(oneByOne);
            return oneByOne;
        }
    }

    private static void run(String processor, int batchSize, Function<MongoTemplate, Object> projection,
                            List<DomainEventMessage<?>> events, MongoTemplate mongo) {
        try (ProjectionHarness harness = new ProjectionHarness(processor, batchSize, projection.apply(mongo))) {
            events.forEach(harness::store);
            harness.start();
            harness.awaitCaughtUp(PATIENCE);
            assertThat(harness.deadLetters().size()).as("dead letters").isZero();
        }
    }

    /** Every document of the collections, by id, as stored. */
    static Map<String, List<Document>> documents(MongoTemplate mongo, List<String> collections) {
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : collections) {
            documents.put(collection, mongo.getCollection(collection).find().sort(new Document("_id", 1))
                    .into(new ArrayList<>()));
        }
        return documents;
    }
}
