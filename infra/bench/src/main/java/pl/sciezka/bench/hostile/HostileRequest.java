package pl.sciezka.bench.hostile;

/**
 * One request built to be refused: the endpoint it aims at, what it tries, the family of tries it
 * belongs to (the same try against any endpoint or field), and the exact bytes, headers and
 * credentials it sends. {@code user} null sends no credentials; {@code authorization} overrides them.
 */
public record HostileRequest(String endpoint, String what, String family, String method, String path, String user,
                             String authorization, String contentType, byte[] body, boolean chunked) {

    /** The same request trying something else, a family of its own. */
    HostileRequest trying(String newWhat) {
        return trying(newWhat, newWhat);
    }

    /** The same request trying something else, of the given family. */
    HostileRequest trying(String newWhat, String newFamily) {
        return new HostileRequest(endpoint, newWhat, newFamily, method, path, user, authorization, contentType, body, chunked);
    }

    HostileRequest withMethod(String newMethod) {
        return new HostileRequest(endpoint, what, family, newMethod, path, user, authorization, contentType, body, chunked);
    }

    HostileRequest as(String newUser, String newAuthorization) {
        return new HostileRequest(endpoint, what, family, method, path, newUser, newAuthorization, contentType, body, chunked);
    }

    HostileRequest withContentType(String newContentType) {
        return new HostileRequest(endpoint, what, family, method, path, user, authorization, newContentType, body, chunked);
    }

    HostileRequest streamed() {
        return new HostileRequest(endpoint, what, family, method, path, user, authorization, contentType, body, true);
    }

    HostileRequest atPath(String newPath) {
        return new HostileRequest(endpoint, what, family, method, newPath, user, authorization, contentType, body, chunked);
    }

    @Override
    public String toString() {
        String shown = path.length() > 120 ? path.substring(0, 120) + "…" : path;
        return method + " " + shown + " as " + user + ": " + endpoint + ", " + what;
    }
}
