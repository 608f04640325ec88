package pl.sciezka.command.familycase;

import java.util.Arrays;
import java.util.List;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.command.network.NetworkDirectory;

/**
 * Who may act on a case. A role that may not do the action gets 403; a caseworker acting on a case
 * they do not coordinate gets 404, so a case's existence is not revealed to those who may not see it.
 * Providers act only on referrals to their own institution (see {@link Referrals}).
 */
final class CaseAccess {

    /** The parties of the model that an action may be open to. */
    enum Party { COORDINATOR, SPECIALIST, SUPERVISOR, PROVIDER }

    private CaseAccess() {
    }

    static void require(Actor actor, String caseId, String coordinatorId, Party... parties) {
        List<Party> allowed = Arrays.asList(parties);
        switch (actor.role()) {
            case CASEWORKER -> {
                if (!actor.userId().equals(coordinatorId)) {
                    throw notVisible(caseId);
                }
                allow(actor, allowed.contains(Party.COORDINATOR));
            }
            case SPECIALIST -> allow(actor, allowed.contains(Party.SPECIALIST));
            case SUPERVISOR -> allow(actor, allowed.contains(Party.SUPERVISOR));
            case PROVIDER -> allow(actor, allowed.contains(Party.PROVIDER));
            default -> allow(actor, false);
        }
    }

    private static void allow(Actor actor, boolean allowed) {
        if (!allowed) {
            throw RejectedException.of(ProblemType.FORBIDDEN,
                    "The " + actor.role().labelEn() + " role may not do this on this case.");
        }
    }

    /**
     * The referral an actor acts on. A provider acts only on referrals to its own institution's
     * offerings; any other referral, and anything else of the case, it cannot see.
     */
    static Referrals.Referral referral(Actor actor, CaseState state, NetworkDirectory network, String referralId,
                                       Party... parties) {
        require(actor, state.caseId, state.coordinatorId, parties);
        Referrals.Referral referral = state.referrals.require(state.caseId, referralId);
        if (actor.is(Role.PROVIDER) && !network.isStaffOf(actor.userId(), referral.institutionId())) {
            throw notVisible(state.caseId);
        }
        return referral;
    }

    static RejectedException notVisible(String caseId) {
        return RejectedException.of(ProblemType.NOT_FOUND, "No case with id " + caseId + ".");
    }
}
