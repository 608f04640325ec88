package pl.sciezka.command.network;

import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

/** The support network is kept by administrators. */
final class NetworkAccess {

    private NetworkAccess() {
    }

    static void requireAdmin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw RejectedException.of(ProblemType.FORBIDDEN, "Only an administrator keeps the support network.");
        }
    }
}
