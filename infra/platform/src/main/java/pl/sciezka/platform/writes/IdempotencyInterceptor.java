package pl.sciezka.platform.writes;

import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import pl.sciezka.api.MetadataKeys;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

/**
 * Handles a command sent with an idempotency key at most once per user and key, and answers a repeat
 * with the first command's result: the controller then builds the first response again from it.
 * <p>
 * It runs inside the command's unit of work, so the key is stored in the same transaction as the
 * command's events: both or neither, even if the process dies between the two. Only a command that
 * succeeded leaves its key behind; a refused one rolls back with its key, and sending it again
 * (perhaps after fixing the case's state) is a new attempt.
 */
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyInterceptor.class);

    private final IdempotencyRecords records;
    private final Serializer serializer;

    IdempotencyInterceptor(IdempotencyRecords records, Serializer serializer) {
        this.records = records;
        this.serializer = serializer;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(MetadataKeys.IDEMPOTENCY_KEY);
        if (key == null) {
            return chain.proceed();
        }
        Object actor = command.getMetaData().get(MetadataKeys.ACTOR_ID);
        if (actor == null) {
            throw new IllegalStateException("an idempotency key is scoped to a user, and this command has none");
        }
        String actorId = actor.toString();
        String fingerprint = CommandFingerprint.of(command);

        Optional<RecordedCommand> earlier = records.find(actorId, key.toString());
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint, key);
        }
        try {
            records.claim(actorId, key.toString(), command.getCommandName(), fingerprint);
        } catch (DuplicateKeyException | TransientDataAccessException concurrentlyUsed) {
            // A request with this key was handled meanwhile (or still is). A concurrency exception makes
            // the command gateway send this one again, which then finds that request's record.
            throw new ConcurrencyException("Idempotency key " + key + " was used concurrently", concurrentlyUsed);
        }
        Object result = chain.proceed();
        records.complete(actorId, key.toString(), result == null ? null : serializer.serialize(result, byte[].class));
        return result;
    }

    private Object replay(RecordedCommand earlier, String fingerprint, Object key) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw RejectedException.of(ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency key " + key
                    + " was already used for a different request; use a new key for a new request.");
        }
        log.info("Answering a repeat of {} with idempotency key {} from its first result",
                earlier.commandName(), key);
        SerializedObject<byte[]> result = earlier.result();
        return result == null ? null : serializer.deserialize(result);
    }
}
