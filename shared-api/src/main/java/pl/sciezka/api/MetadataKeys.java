package pl.sciezka.api;

/**
 * Keys of the metadata every command and event carries, so the audit trail can say who did what,
 * on whose request, and why. Supervisors read these; nothing in them can be edited.
 */
public final class MetadataKeys {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    /** Shared by every message that one HTTP request (or one caller-given id) set off. */
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the message that caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The caller's {@code Idempotency-Key}: a retry with the same key is the same request. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /**
     * The case version a write was based on (its {@code If-Match}); on commands only, since an event
     * that was stored happened at exactly the version it records.
     */
    public static final String EXPECTED_VERSION = "expectedVersion";

    private MetadataKeys() {
    }
}
