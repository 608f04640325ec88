package pl.sciezka.query.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.caseload.CaseloadEntry;
import pl.sciezka.api.familycase.CaseStatus;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.ReferralStatus;

class CaseloadEntriesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final CaseloadEntries.Thresholds THRESHOLDS =
            new CaseloadEntries.Thresholds(Duration.ofDays(14), Duration.ofDays(30));

    private static CaseloadLine line() {
        CaseloadLine line = new CaseloadLine();
        line.caseId = "case-1";
        line.status = CaseStatus.IN_SUPPORT;
        line.openedAt = NOW.minus(Duration.ofDays(200));
        line.lastActivityAt = NOW;
        line.members.put("m1", Generation.PARENT);
        line.members.put("m2", Generation.PARENT);
        line.members.put("m3", Generation.CHILD);
        return line;
    }

    private static CaseloadLine.ReferralClock referral(ReferralStatus status, int issuedDaysAgo, Integer acceptedDaysAgo,
                                                       Integer servedDaysAgo) {
        return new CaseloadLine.ReferralClock(status, NOW.minus(Duration.ofDays(issuedDaysAgo)),
                acceptedDaysAgo == null ? null : NOW.minus(Duration.ofDays(acceptedDaysAgo)),
                servedDaysAgo == null ? null : NOW.minus(Duration.ofDays(servedDaysAgo)));
    }

    @Test
    void countsMembersPerGenerationAndOpenAndOverdueReferrals() {
        CaseloadLine line = line();
        line.referrals.put("answered in time", referral(ReferralStatus.ISSUED, 13, null, null));
        line.referrals.put("unanswered too long", referral(ReferralStatus.ISSUED, 15, null, null));
        line.referrals.put("accepted, never served", referral(ReferralStatus.ACCEPTED, 45, 31, null));
        line.referrals.put("accepted and served", referral(ReferralStatus.ACCEPTED, 45, 40, 5));
        line.referrals.put("accepted recently", referral(ReferralStatus.ACCEPTED, 20, 10, null));
        line.referrals.put("completed", referral(ReferralStatus.COMPLETED, 90, 80, 70));

        CaseloadEntry entry = CaseloadEntries.entry(line, NOW, TODAY, THRESHOLDS).orElseThrow();

        assertThat(entry.membersPerGeneration()).containsEntry(Generation.PARENT, 2).containsEntry(Generation.CHILD, 1)
                .doesNotContainKey(Generation.GRANDPARENT);
        assertThat(entry.openReferrals()).isEqualTo(5);
        assertThat(entry.overdueReferrals()).isEqualTo(2);
        assertThat(entry.followUps()).isEmpty();
    }

    @Test
    void aClosedCaseStaysWhileFollowUpsRemainAndSaysWhichAreDue() {
        CaseloadLine line = line();
        line.status = CaseStatus.CLOSED;
        line.closedOn = TODAY.minusMonths(7);
        line.measuredThisEpisode.add(Horizon.EXIT);

        CaseloadEntry entry = CaseloadEntries.entry(line, NOW, TODAY, THRESHOLDS).orElseThrow();

        assertThat(entry.followUps()).extracting(CaseloadEntry.FollowUp::horizon)
                .containsExactly(Horizon.FOLLOW_UP_6M, Horizon.FOLLOW_UP_12M, Horizon.FOLLOW_UP_24M);
        assertThat(entry.followUps()).extracting(CaseloadEntry.FollowUp::due).containsExactly(true, false, false);
        assertThat(entry.nextFollowUpDue()).isEqualTo(TODAY.minusMonths(7).plusMonths(6));
    }

    @Test
    void aClosedCaseWithEveryFollowUpMeasuredLeavesTheCaseload() {
        CaseloadLine line = line();
        line.status = CaseStatus.CLOSED;
        line.closedOn = TODAY.minusMonths(25);
        line.measuredThisEpisode.addAll(java.util.List.of(Horizon.FOLLOW_UP_6M, Horizon.FOLLOW_UP_12M, Horizon.FOLLOW_UP_24M));

        assertThat(CaseloadEntries.entry(line, NOW, TODAY, THRESHOLDS)).isEmpty();
    }
}
