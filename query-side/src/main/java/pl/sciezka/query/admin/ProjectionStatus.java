package pl.sciezka.query.admin;

/**
 * Where a projection stands: the global position it has reached, how many positions it is behind the
 * event store's head, and whether it is replaying, i.e. a rebuild has not yet reached the events that
 * were stored when it began. A rebuild has finished when {@code replaying} is false and {@code lag} 0.
 */
public record ProjectionStatus(String name, boolean running, boolean replaying, boolean caughtUp,
                               boolean inError, long position, long head, long lag, int segments) {
}
