package pl.sciezka.query.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializationException;
import org.springframework.stereotype.Component;
import pl.sciezka.api.Actor;
import pl.sciezka.api.MetadataKeys;
import pl.sciezka.api.Role;
import pl.sciezka.api.audit.ReadEntry.ReadKind;
import pl.sciezka.api.audit.ReadEntry.ReadOutcome;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.query.pseudonyms.Pseudonyms;
import pl.sciezka.query.readaudit.ReadAudit;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every stored event for evaluators, one pseudonymised JSON object a line (NDJSON), read from the
 * event store as a stream in the store's order and written as it is read: memory stays flat however
 * many events there are. The export ends at the event that was the newest when it began, so a
 * running system yields a consistent snapshot. What each line keeps is {@link ExportPolicy}'s.
 */
@Component
public class EventExport {

    /** The store's stream fetches in batches; this is only how long to wait for the next one. */
    private static final int PATIENCE_SECONDS = 30;
    private static final int FLUSH_EVERY = 100;
    private static final byte[] NEWLINE = {'\n'};

    private final EventStore events;
    private final ExportPolicy policy;
    private final ReadAudit audit;
    private final JsonMapper json = JsonMapper.builder().build();

    EventExport(EventStore events, Pseudonyms pseudonyms, ReadAudit audit) {
        this.events = events;
        this.policy = new ExportPolicy(pseudonyms::of);
        this.audit = audit;
    }

    /** Something that writes the export when the response is ready to take it. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Refuses anyone but an evaluator before a byte is written, and records the export in the read audit. */
    public Body open(Actor reader) {
        if (!reader.is(Role.EVALUATOR)) {
            audit.record(reader, ReadKind.EVENT_EXPORT, null, null, ReadOutcome.REFUSED);
            throw RejectedException.of(ProblemType.FORBIDDEN, "Only evaluators export events.");
        }
        long head = position(events.createHeadToken());
        audit.record(reader, ReadKind.EVENT_EXPORT, null, null, ReadOutcome.SHOWN);
        return out -> write(out, head);
    }

    private void write(OutputStream out, long head) throws IOException {
        if (head < 0) {
            out.flush();
            return;
        }
        long written = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (true) {
                if (!stream.hasNextAvailable(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    // never a silently short export: the client sees the response break off
                    throw new IOException("The event store stopped answering before position " + head + ".");
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                long position = position(event.trackingToken());
                out.write(json.writeValueAsBytes(line(event, position)));
                out.write(NEWLINE);
                if (++written % FLUSH_EVERY == 0) {
                    out.flush();
                }
                if (position >= head) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while exporting.", e);
        }
        out.flush();
    }

    ObjectNode line(TrackedEventMessage<?> event, long position) {
        ObjectNode line = json.createObjectNode();
        line.put("eventId", policy.pseudonym(ExportPolicy.Rule.EVENT, event.getIdentifier()));
        line.put("position", position);
        line.put("type", event.getPayloadType().getSimpleName());
        line.put("occurredAt", event.getTimestamp().toString());
        Object payload;
        try {
            payload = event.getPayload();
        } catch (SerializationException unreadable) {
            payload = null;
        }
        if (event instanceof DomainEventMessage<?> domain) {
            line.put("aggregateType", domain.getType());
            line.put("sequence", domain.getSequenceNumber());
            if (payload instanceof FamilyCaseEvent) {
                line.put("caseId", policy.pseudonym(ExportPolicy.Rule.CASE, domain.getAggregateIdentifier()));
            } else if (payload != null && ExportPolicy.covers(payload.getClass())) {
                line.put("aggregateId", domain.getAggregateIdentifier());
            } else {
                line.put("aggregateId", policy.pseudonym("aggregate", domain.getAggregateIdentifier()));
            }
        }
        Object actor = event.getMetaData().get(MetadataKeys.ACTOR_ID);
        if (actor != null) {
            line.put("actor", policy.pseudonym(ExportPolicy.Rule.USER, actor.toString()));
        }
        Object role = event.getMetaData().get(MetadataKeys.ACTOR_ROLE);
        if (role != null) {
            line.put("role", role.toString());
        }
        ObjectNode exported = payload == null ? null : policy.payload(payload);
        if (exported == null) {
            line.put("payloadWithheld", true);
        } else {
            line.set("payload", exported);
        }
        return line;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
