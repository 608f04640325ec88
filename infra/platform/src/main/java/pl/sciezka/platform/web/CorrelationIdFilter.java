package pl.sciezka.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.axonframework.common.IdentifierFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import pl.sciezka.api.MetadataKeys;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id} when it is a sane
 * token, else a new one), puts it in the logging context, answers it, and lets the command side
 * copy it into the metadata of every command and event the request causes.
 */
class CorrelationIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Correlation-Id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String correlationId = given != null && ACCEPTABLE.matcher(given).matches()
                ? given : IdentifierFactory.getInstance().generateIdentifier();
        MDC.put(MetadataKeys.CORRELATION_ID, correlationId);
        response.setHeader(HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MetadataKeys.CORRELATION_ID);
        }
    }
}
