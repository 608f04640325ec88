package pl.sciezka.command.dispatch;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import pl.sciezka.api.Actor;
import pl.sciezka.api.MetadataKeys;

/**
 * Sends a command with the audit metadata every event must carry: who, in which role, the
 * correlation id of the HTTP request and its idempotency key; and with the case version the request
 * was based on ({@code If-Match}). Controllers use only this, never the aggregates.
 * <p>
 * A request sent again with the same {@code Idempotency-Key} is answered from what its first command
 * returned, without handling it again. That is only the first response again if a controller builds
 * its command from the request and {@link #newId} alone, and its response from those ids and the
 * command's result alone: no clock, no random ids, no reads of other state. And it sends one command
 * per request, since the key is recorded with the command it came with.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway commands;

    public CommandDispatcher(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * An id for something the current request creates; {@code purpose} names which ("caseId",
     * "diagnosisId"), so one request can create several. Repeatable with an idempotency key, random
     * without.
     */
    public String newId(Actor actor, String purpose) {
        return IdGenerator.newId(actor.userId(), WriteConditions.ofCurrentRequest().idempotencyKey(), purpose);
    }

    /** Waits for the command to be handled and its events stored; answers what the handler returned. */
    public <R> R send(Object command, Actor actor) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(metadataOf(actor, WriteConditions.ofCurrentRequest())));
    }

    private static MetaData metadataOf(Actor actor, WriteConditions conditions) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.ACTOR_ID, actor.userId());
        metadata.put(MetadataKeys.ACTOR_ROLE, actor.role().name());
        String correlationId = MDC.get(MetadataKeys.CORRELATION_ID);
        if (correlationId != null) {
            metadata.put(MetadataKeys.CORRELATION_ID, correlationId);
        }
        if (conditions.idempotencyKey() != null) {
            metadata.put(MetadataKeys.IDEMPOTENCY_KEY, conditions.idempotencyKey());
        }
        if (conditions.expectedVersion() != null) {
            metadata.put(MetadataKeys.EXPECTED_VERSION, conditions.expectedVersion());
        }
        return MetaData.from(metadata);
    }

    /** The actor a command was sent by, as {@link #send} recorded it. */
    public static Actor actorOf(MetaData metadata) {
        Object userId = metadata.get(MetadataKeys.ACTOR_ID);
        Object role = metadata.get(MetadataKeys.ACTOR_ROLE);
        if (userId == null || role == null) {
            throw new IllegalStateException("a command without an actor reached a handler");
        }
        return new Actor(userId.toString(), pl.sciezka.api.Role.valueOf(role.toString()));
    }
}
