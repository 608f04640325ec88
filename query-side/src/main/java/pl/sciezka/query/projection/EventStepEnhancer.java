package pl.sciezka.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * Makes each event handler call one step of its batch's read-model changes: kept when the handler
 * returns, thrown away when it throws. It wraps the handler itself because the dead-letter queue
 * catches a handler's exception before any processor interceptor could see it.
 */
final class EventStepEnhancer implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                ReadModelBatch before = ReadModelBatch.existing();
                if (before != null) {
                    before.beginEvent();
                }
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error failed) {
                    ReadModelBatch batch = ReadModelBatch.existing();
                    if (batch != null) {
                        batch.abandonEvent();
                    }
                    throw failed;
                }
                ReadModelBatch batch = ReadModelBatch.existing();
                if (batch != null) {
                    batch.completeEvent();
                }
                return result;
            }
        };
    }
}
