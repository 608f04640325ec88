package pl.sciezka.query.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import pl.sciezka.api.familycase.CaseStatus;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.ProblemArea;
import pl.sciezka.api.familycase.ReferralStatus;

/**
 * One case in a coordinator's caseload document: the facts its entry is made of when read (what is
 * overdue depends on the day it is read), and the sequence number of the last event applied.
 */
class CaseloadLine {

    String caseId;
    String familyName;
    String district;
    String coordinatorId;
    CaseStatus status;
    CaseStatus statusBeforeClosureRequest;
    Set<ProblemArea> problemAreas = EnumSet.noneOf(ProblemArea.class);
    Map<String, Generation> members = new HashMap<>();
    Map<String, ReferralClock> referrals = new HashMap<>();
    LocalDate closedOn;
    int episode = 1;
    Set<Horizon> measuredThisEpisode = EnumSet.noneOf(Horizon.class);
    Instant openedAt;
    Instant lastActivityAt;
    long version = -1;

    /** When a referral was issued, accepted and first served, to tell whether it is overdue. */
    record ReferralClock(ReferralStatus status, Instant issuedAt, Instant acceptedAt, Instant firstDeliveryAt) {

        ReferralClock moveTo(ReferralStatus next, Instant at) {
            return new ReferralClock(next, issuedAt, next == ReferralStatus.ACCEPTED ? at : acceptedAt, firstDeliveryAt);
        }

        ReferralClock served(Instant at) {
            return new ReferralClock(status, issuedAt, acceptedAt, firstDeliveryAt == null ? at : firstDeliveryAt);
        }
    }

    Map<Generation, Integer> membersPerGeneration() {
        Map<Generation, Integer> counts = new EnumMap<>(Generation.class);
        members.values().forEach(generation -> counts.merge(generation, 1, Integer::sum));
        return counts;
    }
}
