package pl.sciezka.query.admin;

/**
 * The other query-side instances that run the same projections, as a rebuild must see them: a
 * projection's tokens can be reset only while no instance holds any of its segments. Where there is
 * no such bean (the embedded default), this instance is the only one.
 */
public interface OtherInstances {

    /** Asks every other instance to stop the projection, and answers once none holds a segment of it. */
    void stop(String projection);

    /** Tells the other instances, during a long rebuild, that the projection is still to stay stopped. */
    void keepStopped(String projection);

    /** Lets the other instances run the projection again. */
    void resume(String projection);
}
