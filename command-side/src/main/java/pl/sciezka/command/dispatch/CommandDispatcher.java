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
 * Sends a command with the audit metadata every event must carry: who, in which role, and the
 * correlation id of the HTTP request. Controllers use only this, never the aggregates.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway commands;

    public CommandDispatcher(CommandGateway commands) {
        this.commands = commands;
    }

    /** Waits for the command to be handled and its events stored; answers what the handler returned. */
    public <R> R send(Object command, Actor actor) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(metadataOf(actor)));
    }

    private static MetaData metadataOf(Actor actor) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.ACTOR_ID, actor.userId());
        metadata.put(MetadataKeys.ACTOR_ROLE, actor.role().name());
        String correlationId = MDC.get(MetadataKeys.CORRELATION_ID);
        if (correlationId != null) {
            metadata.put(MetadataKeys.CORRELATION_ID, correlationId);
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
