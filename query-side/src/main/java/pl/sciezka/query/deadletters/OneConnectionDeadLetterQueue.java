package pl.sciezka.query.deadletters;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javax.annotation.Nonnull;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * The JDBC dead-letter queue with each of its operations in one transaction, so that an operation
 * holds one pool connection, never two. Axon's queue takes a connection for an insert and, while it
 * holds it, asks in a transaction of its own for the sequence's last index: without a transaction
 * around both (the projections' batches run without one, {@code ReadModelTransactionConfiguration}),
 * that is a second connection. Enough segments dead-lettering at once then each held one connection
 * and waited for another until the pool was empty, their batches timed out, and the interrupts
 * dead-lettered events that were fine. Processing a sequence is left as Axon runs it: it takes its
 * own short transactions around the handler, which must not hold a connection while it runs.
 */
final class OneConnectionDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final TransactionManager transactions;

    OneConnectionDeadLetterQueue(SequencedDeadLetterQueue<EventMessage<?>> queue, TransactionManager transactions) {
        this.queue = queue;
        this.transactions = transactions;
    }

    @Override
    public void enqueue(@Nonnull Object sequenceIdentifier, @Nonnull DeadLetter<? extends EventMessage<?>> letter) {
        transactions.executeInTransaction(() -> queue.enqueue(sequenceIdentifier, letter));
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        transactions.executeInTransaction(() -> queue.evict(letter));
    }

    @Override
    public void requeue(@Nonnull DeadLetter<? extends EventMessage<?>> letter,
                        @Nonnull UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        transactions.executeInTransaction(() -> queue.requeue(letter, letterUpdater));
    }

    @Override
    public boolean contains(@Nonnull Object sequenceIdentifier) {
        return transactions.fetchInTransaction(() -> queue.contains(sequenceIdentifier));
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(@Nonnull Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(@Nonnull Object sequenceIdentifier) {
        return transactions.fetchInTransaction(() -> queue.isFull(sequenceIdentifier));
    }

    @Override
    public long size() {
        return transactions.fetchInTransaction(queue::size);
    }

    @Override
    public long sequenceSize(@Nonnull Object sequenceIdentifier) {
        return transactions.fetchInTransaction(() -> queue.sequenceSize(sequenceIdentifier));
    }

    @Override
    public long amountOfSequences() {
        return transactions.fetchInTransaction(queue::amountOfSequences);
    }

    @Override
    public boolean process(@Nonnull Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           @Nonnull Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return queue.process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        transactions.executeInTransaction(queue::clear);
    }
}
