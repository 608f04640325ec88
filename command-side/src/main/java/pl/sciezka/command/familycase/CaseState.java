package pl.sciezka.command.familycase;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import pl.sciezka.api.familycase.CaseReopened;
import pl.sciezka.api.familycase.CaseStatus;
import pl.sciezka.api.familycase.ClosureApproved;
import pl.sciezka.api.familycase.ClosureRejected;
import pl.sciezka.api.familycase.ClosureRequested;
import pl.sciezka.api.familycase.CoordinatorReassigned;
import pl.sciezka.api.familycase.DecisionReviewed;
import pl.sciezka.api.familycase.DiagnosisRecorded;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.api.familycase.GoalClosed;
import pl.sciezka.api.familycase.MemberErased;
import pl.sciezka.api.familycase.MemberRegistered;
import pl.sciezka.api.familycase.OutcomeMeasured;
import pl.sciezka.api.familycase.ReferralAccepted;
import pl.sciezka.api.familycase.ReferralCompleted;
import pl.sciezka.api.familycase.ReferralDeclined;
import pl.sciezka.api.familycase.ReferralDroppedOut;
import pl.sciezka.api.familycase.ReferralIssued;
import pl.sciezka.api.familycase.ReferralRevoked;
import pl.sciezka.api.familycase.ReferralStatus;
import pl.sciezka.api.familycase.ServiceDelivered;
import pl.sciezka.api.familycase.SupportPlanAgreed;
import pl.sciezka.api.familycase.TaskTeamMeetingHeld;

/**
 * What the rules of a family case need to know, folded from its events. Only the aggregate changes
 * it, and only from its event-sourcing handler.
 */
final class CaseState {

    String caseId;
    String coordinatorId;
    CaseStatus status;
    CaseStatus statusBeforeClosureRequest;
    String closureRequestedBy;
    LocalDate closedOn;
    int episode = 1;
    long version = -1;
    final Members members = new Members();
    final SupportPlan plan = new SupportPlan();
    final Referrals referrals = new Referrals();
    final Measurements measurements = new Measurements();
    final Set<String> diagnosisIds = new HashSet<>();
    final Set<String> meetingIds = new HashSet<>();
    final Set<String> deliveryIds = new HashSet<>();
    final Set<String> reviewIds = new HashSet<>();
    /** Every event of the case, so a review can only name one of them. */
    final Set<String> eventIds = new HashSet<>();

    boolean opened() {
        return caseId != null;
    }

    boolean closed() {
        return status == CaseStatus.CLOSED;
    }

    void apply(FamilyCaseEvent event, long sequence, String eventId, String actorId) {
        evolve(event, actorId);
        version = sequence;
        eventIds.add(eventId);
    }

    private void evolve(FamilyCaseEvent event, String actorId) {
        if (event instanceof FamilyCaseOpened opened) {
            caseId = opened.caseId();
            coordinatorId = opened.coordinatorId();
            status = CaseStatus.OPENED;
        } else if (event instanceof MemberRegistered registered) {
            members.register(registered);
        } else if (event instanceof DiagnosisRecorded diagnosis) {
            diagnosisIds.add(diagnosis.diagnosisId());
            advanceTo(CaseStatus.DIAGNOSED);
        } else if (event instanceof SupportPlanAgreed agreed) {
            plan.agreed(agreed);
            advanceTo(CaseStatus.IN_SUPPORT);
        } else if (event instanceof GoalClosed goal) {
            plan.closed(goal.goalId(), goal.status());
        } else if (event instanceof ReferralIssued issued) {
            referrals.issued(issued);
        } else if (event instanceof ReferralAccepted accepted) {
            referrals.moved(accepted.referralId(), ReferralStatus.ACCEPTED);
        } else if (event instanceof ReferralDeclined declined) {
            referrals.moved(declined.referralId(), ReferralStatus.DECLINED);
        } else if (event instanceof ReferralRevoked revoked) {
            referrals.moved(revoked.referralId(), ReferralStatus.REVOKED);
        } else if (event instanceof ReferralDroppedOut dropped) {
            referrals.moved(dropped.referralId(), ReferralStatus.DROPPED_OUT);
        } else if (event instanceof ReferralCompleted completed) {
            referrals.moved(completed.referralId(), ReferralStatus.COMPLETED);
        } else if (event instanceof ServiceDelivered delivered) {
            deliveryIds.add(delivered.deliveryId());
        } else if (event instanceof TaskTeamMeetingHeld meeting) {
            meetingIds.add(meeting.meetingId());
        } else if (event instanceof OutcomeMeasured measured) {
            measurements.measured(measured);
        } else if (event instanceof ClosureRequested) {
            statusBeforeClosureRequest = status;
            closureRequestedBy = actorId;
            status = CaseStatus.CLOSURE_REQUESTED;
        } else if (event instanceof ClosureApproved approved) {
            status = CaseStatus.CLOSED;
            closedOn = approved.closedOn();
        } else if (event instanceof ClosureRejected) {
            status = statusBeforeClosureRequest;
        } else if (event instanceof CaseReopened reopened) {
            status = CaseStatus.REOPENED;
            episode = reopened.episode();
            closedOn = null;
        } else if (event instanceof MemberErased erased) {
            members.erase(erased.memberId());
        } else if (event instanceof CoordinatorReassigned reassigned) {
            coordinatorId = reassigned.coordinatorId();
        } else if (event instanceof DecisionReviewed reviewed) {
            reviewIds.add(reviewed.reviewId());
        }
    }

    /** Lifecycle statuses only move forward while work goes on; closure moves them explicitly. */
    private void advanceTo(CaseStatus next) {
        if (status.ordinal() < next.ordinal() || status == CaseStatus.REOPENED) {
            status = next;
        }
    }
}
