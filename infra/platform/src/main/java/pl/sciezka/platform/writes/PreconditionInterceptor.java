package pl.sciezka.platform.writes;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import pl.sciezka.api.MetadataKeys;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

/**
 * Turns a stale {@code If-Match} into a 412 refusal before anything is stored.
 * <p>
 * Axon leaves a version behind the case's to the handler ("conflict resolution") and, if the handler
 * did not look, throws at commit a {@link ConflictingAggregateVersionException}: a concurrency
 * exception, which the command gateway would retry five times in vain, and which loses its type on
 * its way back through Axon Server. For If-Match every change since the named version is a conflict,
 * so this decides right after the handler ran and refuses with a plain rejection, which is final and
 * travels as the command's error details.
 * <p>
 * Running after the handler means the case's own rules speak first: a caller who may not see the case
 * still gets 404, and a write the current state forbids anyway gets that reason, not 412.
 */
class PreconditionInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object expected = unitOfWork.getMessage().getMetaData().get(MetadataKeys.EXPECTED_VERSION);
        if (expected == null) {
            return chain.proceed();
        }
        Object result;
        try {
            result = chain.proceed();
        } catch (ConflictingAggregateVersionException ahead) {
            // a version the case has not reached yet: Axon refuses it as soon as it loads the case
            throw preconditionFailed(String.valueOf(ahead.getAggregateIdentifier()), expected);
        }
        // no resolver is registered when the version matched or no existing case was loaded
        ConflictResolution.getConflictResolver().detectConflicts(
                changesSinceExpected -> true,
                conflict -> preconditionFailed(conflict.aggregateIdentifier(), expected));
        return result;
    }

    private static RejectedException preconditionFailed(String caseId, Object expected) {
        return RejectedException.of(ProblemType.PRECONDITION_FAILED, "Case " + caseId + " is no longer at version "
                + expected + " (If-Match); read it again and decide on its current state.");
    }
}
