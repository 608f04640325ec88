package pl.sciezka.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.api.MetadataKeys;
import pl.sciezka.api.problem.ProblemType;

/**
 * What the servlet container forwards to {@code /error}: a request refused before any controller ran,
 * such as one Spring Security's firewall rejects for an encoded {@code ;}, {@code %} or {@code ..} in
 * its path. It leaves as a problem like every other answer, in place of Spring Boot's error JSON.
 */
@Hidden // Servlet error dispatches land here; it is not an endpoint clients call
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        ProblemDetail problem = problem(problems, status);
        // the filter that set it has finished by now, but its answer header is still there
        String correlationId = response.getHeader(CorrelationIdFilter.HEADER);
        Map<String, Object> properties = problem.getProperties();
        if (correlationId != null && (properties == null || !properties.containsKey(MetadataKeys.CORRELATION_ID))) {
            problem.setProperty(MetadataKeys.CORRELATION_ID, correlationId);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A request refused before it reached the API: a 400 there means its path or headers were malformed. */
    static ProblemDetail problem(ProblemWriter problems, int status) {
        ProblemDetail problem = status == 400
                ? problems.problem(ProblemType.MALFORMED_REQUEST,
                        "The request was refused before it reached the API: its path or headers are not acceptable.")
                : problems.problem(ProblemType.forStatus(status), ProblemType.forStatus(status).title() + ".");
        problem.setStatus(status);
        return problem;
    }
}
