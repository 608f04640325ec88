package pl.sciezka.query.dispatch;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Asks a query and waits, rethrowing a handler's own rejection rather than a wrapped one. */
@Component
public class QueryDispatcher {

    private final QueryGateway queries;

    public QueryDispatcher(QueryGateway queries) {
        this.queries = queries;
    }

    public <R> R ask(Object query, Class<R> answer) {
        return unwrap(() -> queries.query(query, ResponseTypes.instanceOf(answer)).join());
    }

    public <R> Optional<R> askOptional(Object query, Class<R> answer) {
        return unwrap(() -> queries.query(query, ResponseTypes.optionalInstanceOf(answer)).join());
    }

    private static <T> T unwrap(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
