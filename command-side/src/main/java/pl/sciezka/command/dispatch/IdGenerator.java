package pl.sciezka.command.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;

/**
 * Ids the server gives to what a request creates. With an idempotency key they are derived from the
 * user, the key and what the id is for, so a retried request builds the very same command as the
 * first one and is recognised as a replay; without a key they are random, from the same factory as
 * Axon's event ids (in the services, one generator per thread: {@code PerThreadIdentifierFactory}).
 */
final class IdGenerator {

    private IdGenerator() {
    }

    static String newId(String actorId, String idempotencyKey, String purpose) {
        if (idempotencyKey == null) {
            return IdentifierFactory.getInstance().generateIdentifier();
        }
        // NUL cannot occur in a user id, a key or a purpose, so no two triples give the same name
        String name = actorId + '\u0000' + idempotencyKey + '\u0000' + purpose;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
