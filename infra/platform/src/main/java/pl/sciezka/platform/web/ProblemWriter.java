package pl.sciezka.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import pl.sciezka.api.MetadataKeys;
import pl.sciezka.api.problem.FieldViolation;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.Rejection;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds every RFC 9457 problem the API answers, in controllers and in filters alike, so they all
 * carry the stable type, the offending fields and the correlation id to quote to support.
 */
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public ProblemDetail problem(Rejection rejection) {
        ProblemType type = rejection.type();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                org.springframework.http.HttpStatus.valueOf(type.status()), rejection.detail());
        problem.setType(URI.create(type.uri()));
        problem.setTitle(type.title());
        if (!rejection.errors().isEmpty()) {
            problem.setProperty("errors", rejection.errors());
        }
        String correlationId = MDC.get(MetadataKeys.CORRELATION_ID);
        if (correlationId != null) {
            problem.setProperty(MetadataKeys.CORRELATION_ID, correlationId);
        }
        return problem;
    }

    public ProblemDetail problem(ProblemType type, String detail) {
        return problem(Rejection.of(type, detail));
    }

    public ProblemDetail problem(ProblemType type, String detail, List<FieldViolation> errors) {
        return problem(new Rejection(type, detail, errors));
    }

    /** Writes a problem where no controller runs: in servlet filters and Spring Security's handlers. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    public void unauthenticated(HttpServletRequest request, HttpServletResponse response,
                                AuthenticationException exception) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"sciezka\"");
        write(response, problem(ProblemType.UNAUTHENTICATED, "Send valid credentials."));
    }

    /** As {@link #unauthenticated} where only bearer tokens are accepted (RFC 6750: a bad token is {@code invalid_token}). */
    public void unauthenticatedBearer(HttpServletRequest request, HttpServletResponse response,
                                      AuthenticationException exception) throws IOException {
        boolean badToken = exception instanceof OAuth2AuthenticationException;
        response.setHeader("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"sciezka\"");
        write(response, problem(ProblemType.UNAUTHENTICATED,
                badToken ? "The bearer token is expired, not signed by a trusted key, or malformed."
                        : "Send a bearer token (Authorization: Bearer <JWT>)."));
    }

    public void forbidden(HttpServletRequest request, HttpServletResponse response,
                          AccessDeniedException exception) throws IOException {
        write(response, problem(ProblemType.FORBIDDEN, "Your role may not do this."));
    }
}
