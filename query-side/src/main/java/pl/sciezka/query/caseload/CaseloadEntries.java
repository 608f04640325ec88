package pl.sciezka.query.caseload;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pl.sciezka.api.caseload.CaseloadEntry;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.ReferralStatus;

/**
 * Makes a caseload entry from a line on a given day: which referrals are overdue and which
 * follow-ups are due depends on when the caseload is read.
 */
final class CaseloadEntries {

    /** How long a referral may wait for the provider's answer, and an accepted one for its first service. */
    record Thresholds(Duration unanswered, Duration undelivered) {
    }

    private static final Map<Horizon, Integer> FOLLOW_UP_MONTHS =
            Map.of(Horizon.FOLLOW_UP_6M, 6, Horizon.FOLLOW_UP_12M, 12, Horizon.FOLLOW_UP_24M, 24);

    private CaseloadEntries() {
    }

    /** Empty for a closed case with nothing left to measure: it has left the caseload. */
    static Optional<CaseloadEntry> entry(CaseloadLine line, Instant now, LocalDate today, Thresholds thresholds) {
        if (hasLeft(line)) {
            return Optional.empty();
        }
        List<CaseloadEntry.FollowUp> followUps = followUps(line, today);
        int open = 0;
        int overdue = 0;
        for (CaseloadLine.ReferralClock referral : line.referrals.values()) {
            if (referral.status() == ReferralStatus.ISSUED || referral.status() == ReferralStatus.ACCEPTED) {
                open++;
            }
            if (isOverdue(referral, now, thresholds)) {
                overdue++;
            }
        }
        LocalDate next = followUps.stream().map(CaseloadEntry.FollowUp::dueOn).min(Comparator.naturalOrder()).orElse(null);
        return Optional.of(new CaseloadEntry(line.caseId, line.familyName, line.district, line.coordinatorId, line.status,
                line.problemAreas, line.membersPerGeneration(), open, overdue, followUps, next, line.openedAt,
                line.lastActivityAt));
    }

    /**
     * A closed case whose every follow-up of the episode is measured: no day makes it show again, only an
     * event can (a reopening starts a new episode).
     */
    static boolean hasLeft(CaseloadLine line) {
        return line.closedOn != null && line.measuredThisEpisode.containsAll(FOLLOW_UP_MONTHS.keySet());
    }

    static boolean isOverdue(CaseloadLine.ReferralClock referral, Instant now, Thresholds thresholds) {
        return switch (referral.status()) {
            case ISSUED -> referral.issuedAt().plus(thresholds.unanswered()).isBefore(now);
            case ACCEPTED -> referral.firstDeliveryAt() == null
                    && referral.acceptedAt().plus(thresholds.undelivered()).isBefore(now);
            default -> false;
        };
    }

    /** Follow-ups of the episode not yet measured, 6, 12 and 24 months after closure. */
    static List<CaseloadEntry.FollowUp> followUps(CaseloadLine line, LocalDate today) {
        List<CaseloadEntry.FollowUp> followUps = new ArrayList<>();
        if (line.closedOn == null) {
            return followUps;
        }
        for (Horizon horizon : List.of(Horizon.FOLLOW_UP_6M, Horizon.FOLLOW_UP_12M, Horizon.FOLLOW_UP_24M)) {
            if (!line.measuredThisEpisode.contains(horizon)) {
                LocalDate dueOn = line.closedOn.plusMonths(FOLLOW_UP_MONTHS.get(horizon));
                followUps.add(new CaseloadEntry.FollowUp(horizon, dueOn, !dueOn.isAfter(today)));
            }
        }
        return followUps;
    }
}
