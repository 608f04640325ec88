package pl.sciezka.query.segments;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.query.admin.OtherInstances;

/**
 * A rebuild asked of one query-side instance, carried to the others through MongoDB (collection
 * {@code projection_rebuilds}: the projection, the asking instance, when): while the entry is there,
 * every other instance keeps that projection stopped, so its segments are free for the reset; once
 * the asking instance has rebuilt and restarted it, the entry goes and the others start it again (and
 * take their share of segments back). An entry older than {@link #ABANDONED} (its instance died
 * meanwhile) is ignored; the asking instance renews it while its rebuild's pass runs. The entry is also the
 * claim to rebuild: while it is younger than that, no other instance may ({@link #claim}).
 */
@Component
@ConditionalOnProperty(name = "sciezka.projections.balance-segments", havingValue = "true")
class SharedRebuilds implements OtherInstances {

    private static final Logger log = LoggerFactory.getLogger(SharedRebuilds.class);
    private static final String COLLECTION = "projection_rebuilds";
    private static final Duration ABANDONED = Duration.ofMinutes(2);
    /** Other instances look every heartbeat; a dead one's claims expire after the token store's claim timeout. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final TokenStore tokens;
    private final QueryInstances instances;
    /** Started again by {@link #follow} once no other instance rebuilds them; a rebuild's end adds to it too. */
    final Set<String> stoppedForOthers = ConcurrentHashMap.newKeySet();

    SharedRebuilds(MongoTemplate mongo, TokenStore tokens, QueryInstances instances) {
        this.mongo = mongo;
        this.tokens = tokens;
        this.instances = instances;
    }

    /**
     * The entry is the claim: written where it is this instance's or abandoned, and otherwise refused by
     * the id that another instance's entry holds, so that of two instances asked at once only one rebuilds.
     */
    @Override
    public void claim(String projection) {
        Criteria mineOrAbandoned = Criteria.where("_id").is(projection).orOperator(
                Criteria.where("by").is(instances.id()), Criteria.where("at").lt(abandonedBefore()));
        try {
            mongo.upsert(Query.query(mineOrAbandoned), Update.update("by", instances.id()).set("at", new Date()), COLLECTION);
        } catch (DuplicateKeyException heldByAnother) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "Another query-side instance is rebuilding "
                    + projection + " from every event; its status shows when it is done.");
        }
    }

    @Override
    public void awaitStopped(String projection) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (tokens.fetchAvailableSegments(projection).size() < tokens.fetchSegments(projection).length) {
            if (Instant.now().isAfter(deadline)) {
                resume(projection);
                throw new IllegalStateException("another query-side instance still holds segments of " + projection);
            }
            sleep();
        }
    }

    /**
     * Renews the claim, well within {@link #ABANDONED}; refused as a claim is if another instance has taken
     * it over meanwhile (this one could not renew it for that long).
     */
    @Override
    public void keepStopped(String projection) {
        claim(projection);
    }

    @Override
    public void resume(String projection) {
        mongo.remove(Query.query(Criteria.where("_id").is(projection).and("by").is(instances.id())), COLLECTION);
    }

    @Override
    public boolean leftToAnother(String projection) {
        boolean another = mongo.exists(Query.query(claimedByAnother().and("_id").is(projection)), COLLECTION);
        if (another) {
            stoppedForOthers.add(projection);
        }
        return another;
    }

    /** At every beat: stops what another instance is rebuilding, starts again what it has finished. */
    void follow(EventProcessingConfiguration processing) {
        Set<String> rebuilding = new HashSet<>();
        mongo.find(Query.query(claimedByAnother()), Document.class, COLLECTION)
                .forEach(entry -> rebuilding.add(entry.getString("_id")));
        rebuilding.forEach(projection -> processing.eventProcessor(projection, StreamingEventProcessor.class)
                .filter(StreamingEventProcessor::isRunning)
                .ifPresent(processor -> {
                    log.info("Stopping {} while another instance rebuilds it", projection);
                    processor.shutDown();
                    stoppedForOthers.add(projection);
                }));
        stoppedForOthers.removeIf(projection -> {
            if (rebuilding.contains(projection)) {
                return false;
            }
            log.info("Starting {} again: its rebuild has begun", projection);
            processing.eventProcessor(projection, StreamingEventProcessor.class).ifPresent(StreamingEventProcessor::start);
            return true;
        });
    }

    /**
     * Of these projections, those no other live instance is rebuilding: no entry, an abandoned one, or this
     * instance's own.
     */
    Set<String> notRebuiltByAnother(Set<String> projections) {
        Set<String> left = new HashSet<>(projections);
        mongo.find(Query.query(claimedByAnother()), Document.class, COLLECTION)
                .forEach(entry -> left.remove(entry.getString("_id")));
        return left;
    }

    /** Entries of rebuilds another instance runs now: its own, and renewed within {@link #ABANDONED}. */
    private Criteria claimedByAnother() {
        return Criteria.where("by").ne(instances.id()).and("at").gt(abandonedBefore());
    }

    /** An entry written before this is abandoned: its instance has not renewed it for {@link #ABANDONED}. */
    private static Date abandonedBefore() {
        return Date.from(Instant.now().minus(ABANDONED));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for other instances to stop", e);
        }
    }
}
