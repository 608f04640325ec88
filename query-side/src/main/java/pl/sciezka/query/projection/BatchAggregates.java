package pl.sciezka.query.projection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The aggregates (cases) whose events the batch being handled holds, so that a projection can read their
 * documents with one query at the batch's first event instead of one per case at each case's first: a
 * processor's batch of a hundred events touches up to a hundred cases, a rebuild's thousands.
 */
public final class BatchAggregates {

    private static final int PER_QUERY = 500;

    private BatchAggregates() {
    }

    /** The id of the aggregate whose event is being handled; null outside a unit of work or for an event of none. */
    public static String ofTheCurrentEvent() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof DomainEventMessage<?> event
                ? event.getAggregateIdentifier() : null;
    }

    /**
     * The ids of the aggregates of the current event's type (its case's, for a case's event) that the batch
     * holds events of, in the order of their first; empty outside a batch.
     */
    public static List<String> ofTheCurrentBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return List.of();
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (!(unitOfWork.getMessage() instanceof DomainEventMessage<?> event)
                || !(unitOfWork.root() instanceof BatchingUnitOfWork<?> batch)) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Message<?> message : batch.getMessages()) {
            if (message instanceof DomainEventMessage<?> other && event.getType().equals(other.getType())) {
                ids.add(other.getAggregateIdentifier());
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The payloads of the current batch's events of {@code type}, in order (deserialised now rather than
     * when handled; one that cannot be is left out, for its handler to meet); empty outside a batch.
     */
    public static <T> List<T> payloadsOfTheCurrentBatch(Class<T> type) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            return List.of();
        }
        List<T> payloads = new ArrayList<>();
        for (Message<?> message : batch.getMessages()) {
            if (type.isAssignableFrom(message.getPayloadType())) {
                try {
                    payloads.add(type.cast(message.getPayload()));
                } catch (RuntimeException unreadable) {
                    // its handler meets the same failure, and the dead-letter queue takes the event
                }
            }
        }
        return payloads;
    }

    /** The documents of {@code type} stored under these ids (none for an id with none), a query per {@value #PER_QUERY} ids. */
    public static <T> List<T> stored(MongoTemplate mongo, Class<T> type, List<String> ids) {
        List<T> stored = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += PER_QUERY) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + PER_QUERY));
            stored.addAll(mongo.find(Query.query(Criteria.where("_id").in(part)), type));
        }
        return stored;
    }
}
