package pl.sciezka.query.segments;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The query-side instances alive now, each known by a heartbeat in the read models' MongoDB
 * (collection {@code query_instances}: an id per process and when it last beat, nothing else).
 * An instance is live while its last beat is younger than {@link #LIVENESS}, which is shorter than
 * the token store's claim timeout (10 s) so a dead instance stops counting before its segments free up.
 * Instances' clocks are assumed to agree within a second or so.
 */
@Component
@ConditionalOnProperty(name = "sciezka.projections.balance-segments", havingValue = "true")
class QueryInstances {

    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    static final Duration LIVENESS = Duration.ofSeconds(6);
    /** Axon's pooled processor looks for unclaimed segments every 5 s. */
    static final Duration RELEASE = Duration.ofSeconds(12);

    private static final String COLLECTION = "query_instances";

    private final MongoTemplate mongo;
    private final String id = UUID.randomUUID().toString();

    QueryInstances(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    String id() {
        return id;
    }

    /** Records this instance's beat and answers how many instances (this one included) are live. */
    int beatAndCountLive() {
        Instant now = Instant.now();
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), Update.update("seenAt", Date.from(now)), COLLECTION);
        long live = mongo.count(Query.query(Criteria.where("seenAt").gt(Date.from(now.minus(LIVENESS)))), COLLECTION);
        mongo.remove(Query.query(Criteria.where("seenAt").lt(Date.from(now.minus(Duration.ofDays(1))))), COLLECTION);
        return (int) Math.max(1, live);
    }

    /** On an orderly shutdown the others need not wait for this beat to age. */
    void leave() {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), Document.class, COLLECTION);
    }
}
