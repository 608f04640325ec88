package pl.sciezka.query.deadletters;

import javax.annotation.Nonnull;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;

/**
 * Axon's JDBC dead-letter queue, with its enqueue in one transaction so that it holds one pool
 * connection, never two. Axon's enqueue takes a connection for the insert and, while it holds it,
 * asks in a transaction of its own for the sequence's last index: without a transaction around both
 * (the projections' batches run without one, {@code ReadModelTransactionConfiguration}), that is a
 * second connection. Enough segments dead-lettering at once then each held one connection and waited
 * for another until the pool was empty, their batches timed out, and the interrupts dead-lettered
 * events that were fine. Its other operations take one connection at a time already.
 */
final class OneConnectionDeadLetterQueue extends JdbcSequencedDeadLetterQueue<EventMessage<?>> {

    private final TransactionManager transactions;

    /** @param transactions the transaction manager {@code builder} was given */
    OneConnectionDeadLetterQueue(Builder<EventMessage<?>> builder, TransactionManager transactions) {
        super(builder);
        this.transactions = transactions;
    }

    @Override
    public void enqueue(@Nonnull Object sequenceIdentifier, @Nonnull DeadLetter<? extends EventMessage<?>> letter) {
        transactions.executeInTransaction(() -> super.enqueue(sequenceIdentifier, letter));
    }
}
