package pl.sciezka.command.dispatch;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

/**
 * What a write asks for beyond its body: an {@code Idempotency-Key}, so that a retry is known as the
 * same request, and an {@code If-Match} version, so that a write based on a stale view of a case is
 * refused. Both optional; a malformed one is refused before anything is sent.
 *
 * @param idempotencyKey  the caller's key, or null
 * @param expectedVersion the case version the caller last saw, or null for "whatever it is now"
 */
record WriteConditions(String idempotencyKey, Long expectedVersion) {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String IF_MATCH_HEADER = "If-Match";

    static final WriteConditions NONE = new WriteConditions(null, null);

    /** Visible ASCII but the quote and the backslash: UUIDs, ULIDs and base64 tokens all fit, and the key column holds 255. */
    private static final Pattern KEY = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,255}");
    /** The ETags this API sends: a case's sequence number in quotes. */
    private static final Pattern VERSION_TAG = Pattern.compile("\"(0|[1-9][0-9]{0,17})\"");

    /** The conditions of the HTTP request this thread is serving; none outside of one. */
    static WriteConditions ofCurrentRequest() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return NONE;
        }
        HttpServletRequest request = attributes.getRequest();
        return new WriteConditions(
                idempotencyKey(Collections.list(request.getHeaders(IDEMPOTENCY_KEY_HEADER))),
                expectedVersion(Collections.list(request.getHeaders(IF_MATCH_HEADER))));
    }

    /**
     * The key as sent, bare or as a quoted structured-field string (the IETF draft's form), so that
     * {@code abc} and {@code "abc"} are the same key.
     */
    static String idempotencyKey(List<String> headers) {
        String value = single(IDEMPOTENCY_KEY_HEADER, headers);
        if (value == null) {
            return null;
        }
        String key = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
        if (!KEY.matcher(key).matches()) {
            throw malformed(IDEMPOTENCY_KEY_HEADER + " must be 1 to 255 visible ASCII characters without"
                    + " spaces, quotes or backslashes, e.g. a UUID");
        }
        return key;
    }

    /**
     * The version in {@code If-Match: "3"}; {@code *} asks for no particular version. A weak tag
     * ({@code W/"3"}) or a list is refused rather than guessed at: this API only ever sends one
     * strong tag, and If-Match compares strongly, so neither could have come from it unchanged.
     */
    static Long expectedVersion(List<String> headers) {
        String value = single(IF_MATCH_HEADER, headers);
        if (value == null || value.equals("*")) {
            return null;
        }
        Matcher tag = VERSION_TAG.matcher(value);
        if (!tag.matches()) {
            throw malformed(IF_MATCH_HEADER + " takes one ETag exactly as a response sent it, e.g. \"3\" with"
                    + " the quotes, or *");
        }
        return Long.valueOf(tag.group(1));
    }

    private static String single(String header, List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw malformed(header + " may be sent once");
        }
        String value = values.get(0).strip();
        if (value.isEmpty()) {
            throw malformed(header + " is empty");
        }
        return value;
    }

    private static RejectedException malformed(String detail) {
        return RejectedException.of(ProblemType.MALFORMED_REQUEST, detail + ".");
    }
}
