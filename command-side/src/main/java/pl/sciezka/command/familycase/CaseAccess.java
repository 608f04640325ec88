package pl.sciezka.command.familycase;

import java.util.EnumSet;
import java.util.Set;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

/**
 * Who may act on a case. A role that may never do the action gets 403; a caseworker acting on a
 * case they do not coordinate gets 404, so a case's existence is not revealed to those who may
 * not see it.
 */
final class CaseAccess {

    private CaseAccess() {
    }

    static void requireRole(Actor actor, Set<Role> allowed) {
        if (!allowed.contains(actor.role())) {
            throw RejectedException.of(ProblemType.FORBIDDEN, "The " + actor.role().labelEn() + " role may not do this.");
        }
    }

    /** Only the case's coordinator: the caseworker who coordinates it. */
    static void requireCoordinator(Actor actor, String caseId, String coordinatorId) {
        requireRole(actor, EnumSet.of(Role.CASEWORKER));
        if (!actor.userId().equals(coordinatorId)) {
            throw notVisible(caseId);
        }
    }

    static RejectedException notVisible(String caseId) {
        return RejectedException.of(ProblemType.NOT_FOUND, "No case with id " + caseId + ".");
    }
}
