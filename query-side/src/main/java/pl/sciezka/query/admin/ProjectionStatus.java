package pl.sciezka.query.admin;

/**
 * Where a projection stands: the global position it has reached, how many positions it is behind the
 * event store's head, and whether it is replaying, i.e. a rebuild has not yet reached the events that
 * were stored when it began. A rebuild has finished when {@code replaying} is false and {@code lag} 0.
 * {@code deadLetters} counts the events waiting in its dead-letter queue, {@code deadLetterSequences}
 * the cases (sequences) they belong to; both are 0 where the projection has no queue.
 */
public record ProjectionStatus(String name, boolean running, boolean replaying, boolean caughtUp,
                               boolean inError, long position, long head, long lag, int segments,
                               long deadLetters, long deadLetterSequences) {
}
