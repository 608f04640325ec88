package pl.sciezka.platform.web;

import java.util.List;
import org.axonframework.common.AxonTransientException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import pl.sciezka.api.problem.FieldViolation;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.Rejection;
import tools.jackson.core.JacksonException;

/** Turns every failure of a request into an RFC 9457 problem with a stable type. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // ahead of Spring Boot's own ProblemDetailsExceptionHandler
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final ProblemWriter problems;

    ProblemAdvice(ProblemWriter problems) {
        this.problems = problems;
    }

    /** A handler's rejection, thrown here or carried as details across Axon Server. */
    @ExceptionHandler(HandlerExecutionException.class)
    ResponseEntity<ProblemDetail> rejected(HandlerExecutionException exception) {
        return exception.getDetails()
                .filter(Rejection.class::isInstance)
                .map(Rejection.class::cast)
                .map(this::respond)
                .orElseGet(() -> unexpected(exception));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException exception) {
        return respond(Rejection.of(ProblemType.NOT_FOUND, "No case with id " + exception.getAggregateIdentifier() + "."));
    }

    /**
     * A stale If-Match that reached Axon's own check (the command side turns it into a rejection
     * first where it can). A concurrency exception too, so it must not fall to the handler below.
     */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> preconditionFailed(ConflictingAggregateVersionException exception) {
        return respond(Rejection.of(ProblemType.PRECONDITION_FAILED, "Case " + exception.getAggregateIdentifier()
                + " is no longer at version " + exception.getExpectedVersion()
                + " (If-Match); read it again and decide on its current state."));
    }

    /** Left over once the command gateway's retries are spent: the case kept changing under us. */
    @ExceptionHandler(AxonTransientException.class)
    ResponseEntity<ProblemDetail> transientFailure(AxonTransientException exception) {
        log.warn("Transient failure after retries: {}", exception.getClass().getSimpleName());
        return respond(Rejection.of(ProblemType.CONCURRENT_MODIFICATION,
                "Someone else changed this case at the same moment; send the request again."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException exception) {
        return respond(Rejection.of(ProblemType.FORBIDDEN, "Your role may not do this."));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException exception) {
        return respond(Rejection.of(ProblemType.UNAUTHENTICATED, "Send valid credentials."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("Unhandled {}", exception.getClass().getName(), exception);
        return respond(Rejection.of(ProblemType.INTERNAL_ERROR,
                "Something went wrong on our side; quote the correlation id to support."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldViolation> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldViolation(error.getField(), messageOf(error)))
                .sorted(java.util.Comparator.comparing(FieldViolation::field))
                .toList();
        return body(new Rejection(ProblemType.INVALID_INPUT, describe(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldViolation> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldViolation(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return body(new Rejection(ProblemType.INVALID_INPUT, describe(errors), errors));
    }

    /** A query parameter or path variable that is not of its type, e.g. {@code asOf=yesterday}. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = exception instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName() : exception.getPropertyName();
        String expected = exception.getRequiredType() == null ? "another type" : exception.getRequiredType().getSimpleName();
        return body(new Rejection(ProblemType.INVALID_INPUT, field + ": '" + exception.getValue() + "' is not a valid "
                + expected, List.of(new FieldViolation(field, "is not a valid " + expected))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        // Jackson wraps the I/O error of an oversized stream, so look through the whole chain for it first
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return body(Rejection.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
            }
        }
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return body(JsonErrors.describe(json));
            }
        }
        return body(Rejection.of(ProblemType.MALFORMED_REQUEST, "A JSON request body is required."));
    }

    /** Spring's own MVC exceptions (405, 406, 415, 404 of unknown paths …) keep their status and get our type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        String detail = body instanceof ProblemDetail springProblem ? springProblem.getDetail() : null;
        ProblemDetail problem = problems.problem(ProblemType.forStatus(status.value()),
                detail == null ? status.toString() : detail);
        problem.setStatus(status.value());
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private ResponseEntity<ProblemDetail> respond(Rejection rejection) {
        return ResponseEntity.status(rejection.type().status()).body(problems.problem(rejection));
    }

    private ResponseEntity<Object> body(Rejection rejection) {
        return ResponseEntity.status(rejection.type().status()).body(problems.problem(rejection));
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String describe(List<FieldViolation> errors) {
        return errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is invalid.");
    }
}
