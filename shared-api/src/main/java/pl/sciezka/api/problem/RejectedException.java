package pl.sciezka.api.problem;

import org.axonframework.commandhandling.CommandExecutionException;

/**
 * A command or query refused by a rule. It is a {@link CommandExecutionException} whose details are
 * the {@link Rejection}, because that is what Axon carries across Axon Server when handler and
 * caller run in different services: the caller sees the same problem either way.
 */
public class RejectedException extends CommandExecutionException {

    private final transient Rejection rejection;

    public RejectedException(Rejection rejection) {
        super(rejection.detail(), null, rejection);
        this.rejection = rejection;
    }

    public static RejectedException of(ProblemType type, String detail) {
        return new RejectedException(Rejection.of(type, detail));
    }

    public static RejectedException invalidField(String field, String message) {
        return new RejectedException(Rejection.invalidField(field, message));
    }

    public Rejection rejection() {
        return rejection;
    }
}
