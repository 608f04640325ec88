package pl.sciezka.query.admin;

/**
 * The other query-side instances that run the same projections, as a rebuild must see them: a
 * projection's tokens can be reset only while no instance holds any of its segments. Where there is
 * no such bean (the embedded default), this instance is the only one.
 */
public interface OtherInstances {

    /**
     * Takes the projection's rebuild for this instance, which asks every other instance to stop it.
     * Refused ({@code RejectedException}, 409) while another instance's rebuild of it is under way: two
     * passes over one read model would count what the cohort cells add twice.
     */
    void claim(String projection);

    /** Answers once no other instance holds a segment of the claimed projection. */
    void awaitStopped(String projection);

    /** Tells the other instances, during a long rebuild, that the projection is still to stay stopped. */
    void keepStopped(String projection);

    /** Lets the other instances run the projection again. */
    void resume(String projection);

    /**
     * Whether another instance has taken this one's claim to rebuild the projection over (this one could not
     * renew it in time) and rebuilds it now; if so, this instance leaves the projection stopped and starts it
     * again once that rebuild is done, as it does for any rebuild another instance was asked for.
     */
    boolean leftToAnother(String projection);
}
