package pl.sciezka.command.familycase;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pl.sciezka.api.familycase.ReferralIssued;
import pl.sciezka.api.familycase.ReferralStatus;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.command.network.NetworkDirectory;

/**
 * The case's referrals to the support network and where each stands: issued → accepted or declined
 * → services delivered → completed, or revoked, or dropped out.
 */
final class Referrals {

    record Referral(String referralId, String institutionId, BigDecimal unitCost, List<String> memberIds,
                    ReferralStatus status) {

        Referral moveTo(ReferralStatus next) {
            return new Referral(referralId, institutionId, unitCost, memberIds, next);
        }
    }

    private final Map<String, Referral> byId = new HashMap<>();

    void issued(ReferralIssued event) {
        byId.put(event.referralId(), new Referral(event.referralId(), event.institutionId(), event.unitCost(),
                event.memberIds(), ReferralStatus.ISSUED));
    }

    void moved(String referralId, ReferralStatus status) {
        byId.computeIfPresent(referralId, (id, referral) -> referral.moveTo(status));
    }

    boolean contains(String referralId) {
        return byId.containsKey(referralId);
    }

    Referral require(String caseId, String referralId) {
        Referral referral = byId.get(referralId);
        if (referral == null) {
            throw RejectedException.of(ProblemType.NOT_FOUND, "No referral " + referralId + " in case " + caseId + ".");
        }
        return referral;
    }

    /** Refuses a move the referral's current status does not allow. */
    static void requireStatus(Referral referral, String action, ReferralStatus... allowed) {
        if (!EnumSet.copyOf(List.of(allowed)).contains(referral.status())) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "Referral " + referral.referralId() + " is "
                    + referral.status().labelEn() + "; it cannot be " + action + ".");
        }
    }

    /** Set-based check: the offering exists in the support network and is still offered. */
    static NetworkDirectory.OfferingTerms offeredTerms(NetworkDirectory network, String offeringId) {
        NetworkDirectory.OfferingTerms offering = network.offering(offeringId).orElseThrow(
                () -> RejectedException.invalidField("offeringId", "no offering with this id in the support network"));
        if (offering.withdrawn()) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "Offering " + offeringId
                    + " has been withdrawn from the support network.");
        }
        return offering;
    }

    /** Services are delivered only to members the referral is for. */
    static void requireReferred(Referral referral, List<String> memberIds) {
        for (int i = 0; i < memberIds.size(); i++) {
            if (!referral.memberIds().contains(memberIds.get(i))) {
                throw RejectedException.invalidField("memberIds[" + i + "]", "this member was not referred");
            }
        }
    }

    /** Referrals the provider has accepted and not yet finished: services are (or should be) under way. */
    long underWay() {
        return byId.values().stream().filter(referral -> referral.status() == ReferralStatus.ACCEPTED).count();
    }

    Set<String> ids() {
        return byId.keySet();
    }
}
