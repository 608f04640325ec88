package pl.sciezka.api.problem;

import java.util.Locale;

/**
 * The stable {@code type} of every RFC 9457 problem the API answers, with its HTTP status. Clients
 * branch on the type, never on the human-readable title or detail.
 */
public enum ProblemType {
    INVALID_INPUT(400, "Invalid input"),
    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHENTICATED(401, "Not authenticated"),
    FORBIDDEN(403, "Not allowed for your role"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    STATE_CONFLICT(409, "Conflicts with the current state"),
    CONCURRENT_MODIFICATION(409, "Changed concurrently, try again"),
    PRECONDITION_FAILED(412, "The resource has changed since the version you sent"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused with a different request"),
    INTERNAL_ERROR(500, "Internal error"),
    UNAVAILABLE(503, "Temporarily unavailable");

    private static final String URN_PREFIX = "urn:sciezka:problem:";

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** For example {@code urn:sciezka:problem:invalid-input}. */
    public String uri() {
        return URN_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The type the API uses for a bare HTTP status, when nothing more specific is known. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
