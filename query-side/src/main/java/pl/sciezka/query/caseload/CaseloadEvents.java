package pl.sciezka.query.caseload;

import java.time.Instant;
import pl.sciezka.api.familycase.*;

/** How each event of a case changes its caseload line. */
final class CaseloadEvents {

    private CaseloadEvents() {
    }

    static void apply(CaseloadLine line, FamilyCaseEvent event, Instant at) {
        if (event instanceof FamilyCaseOpened opened) {
            line.caseId = opened.caseId();
            line.familyName = opened.familyName();
            line.district = opened.district();
            line.coordinatorId = opened.coordinatorId();
            line.status = CaseStatus.OPENED;
            line.openedAt = at;
        } else if (event instanceof MemberRegistered member) {
            line.members.put(member.memberId(), member.generation());
        } else if (event instanceof DiagnosisRecorded diagnosis) {
            diagnosis.problems().stream().map(DiagnosedProblem::area).forEach(line.problemAreas::add);
            advance(line, CaseStatus.DIAGNOSED);
        } else if (event instanceof SupportPlanAgreed) {
            advance(line, CaseStatus.IN_SUPPORT);
        } else if (event instanceof ReferralIssued issued) {
            line.referrals.put(issued.referralId(),
                    new CaseloadLine.ReferralClock(ReferralStatus.ISSUED, at, null, null));
        } else if (event instanceof ReferralAccepted e) {
            move(line, e.referralId(), ReferralStatus.ACCEPTED, at);
        } else if (event instanceof ReferralDeclined e) {
            move(line, e.referralId(), ReferralStatus.DECLINED, at);
        } else if (event instanceof ReferralRevoked e) {
            move(line, e.referralId(), ReferralStatus.REVOKED, at);
        } else if (event instanceof ReferralDroppedOut e) {
            move(line, e.referralId(), ReferralStatus.DROPPED_OUT, at);
        } else if (event instanceof ReferralCompleted e) {
            move(line, e.referralId(), ReferralStatus.COMPLETED, at);
        } else if (event instanceof ServiceDelivered delivered) {
            line.referrals.computeIfPresent(delivered.referralId(), (id, clock) -> clock.served(at));
        } else if (event instanceof OutcomeMeasured measured && measured.episode() == line.episode) {
            line.measuredThisEpisode.add(measured.horizon());
        } else if (event instanceof ClosureRequested) {
            line.statusBeforeClosureRequest = line.status;
            line.status = CaseStatus.CLOSURE_REQUESTED;
        } else if (event instanceof ClosureApproved approved) {
            line.status = CaseStatus.CLOSED;
            line.closedOn = approved.closedOn();
        } else if (event instanceof ClosureRejected) {
            line.status = line.statusBeforeClosureRequest;
        } else if (event instanceof CaseReopened reopened) {
            line.status = CaseStatus.REOPENED;
            line.episode = reopened.episode();
            line.closedOn = null;
            line.measuredThisEpisode.clear();
        } else if (event instanceof CoordinatorReassigned reassigned) {
            line.coordinatorId = reassigned.coordinatorId();
        }
        line.lastActivityAt = at;
    }

    private static void move(CaseloadLine line, String referralId, ReferralStatus status, Instant at) {
        line.referrals.computeIfPresent(referralId, (id, clock) -> clock.moveTo(status, at));
    }

    private static void advance(CaseloadLine line, CaseStatus next) {
        if (line.status.ordinal() < next.ordinal() || line.status == CaseStatus.REOPENED) {
            line.status = next;
        }
    }
}
