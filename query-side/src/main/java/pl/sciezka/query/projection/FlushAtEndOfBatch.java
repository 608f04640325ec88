package pl.sciezka.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes a batch's read-model changes ({@link ReadModelBatch}, then what projections hold in
 * {@link EndOfBatch}) after its last event is handled. It must run before the segment's token is
 * stored, and a pooled processor registers the token's storing on prepare-commit before any handler
 * runs, so a flush on prepare-commit would come after it. A failing flush throws
 * here, outside the dead-letter queue: the whole batch rolls back and is processed again.
 * A unit of work of one event (a dead-letter retry) is written after that event.
 */
final class FlushAtEndOfBatch implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        boolean last = !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
        ReadModelBatch changes = ReadModelBatch.existing();
        if (last) {
            if (changes != null) {
                changes.flush();
            }
            EndOfBatch.flush();
        }
        return result;
    }
}
