package pl.sciezka.query.timeline;

import pl.sciezka.api.familycase.*;

/**
 * What the audit trail says of each event: a short summary without personal data, the stated reason
 * where the event is a decision, and whether it is one.
 */
final class EventSummaries {

    record Summary(String text, String reason, boolean decision) {

        static Summary fact(String text) {
            return new Summary(text, null, false);
        }

        static Summary decision(String text, String reason) {
            return new Summary(text, reason, true);
        }
    }

    private EventSummaries() {
    }

    static Summary of(FamilyCaseEvent event) {
        if (event instanceof FamilyCaseOpened e) {
            return Summary.fact("Case opened in " + e.district() + ", coordinated by " + e.coordinatorId());
        } else if (event instanceof MemberRegistered e) {
            return Summary.fact("Member registered: " + e.generation().labelEn() + ", born " + e.birthYear());
        } else if (event instanceof DiagnosisRecorded e) {
            return Summary.decision("Diagnosis (" + e.source().labelEn() + "): " + e.problems().stream()
                    .map(problem -> problem.area().code() + "/" + problem.severity().code()).toList(), null);
        } else if (event instanceof SupportPlanAgreed e) {
            return Summary.decision("Support plan version " + e.planVersion() + " with " + e.goals().size() + " goal(s)", null);
        } else if (event instanceof GoalClosed e) {
            return Summary.decision("Goal " + e.goalId() + " " + e.status().labelEn(), e.reason());
        } else if (event instanceof ReferralIssued e) {
            return Summary.decision("Referral " + e.referralId() + " to offering " + e.offeringId()
                    + " for " + e.memberIds().size() + " member(s)", e.reason());
        } else if (event instanceof ReferralAccepted e) {
            return Summary.fact("Referral " + e.referralId() + " accepted");
        } else if (event instanceof ReferralDeclined e) {
            return Summary.decision("Referral " + e.referralId() + " declined", e.reason());
        } else if (event instanceof ReferralRevoked e) {
            return Summary.decision("Referral " + e.referralId() + " revoked", e.reason());
        } else if (event instanceof ReferralDroppedOut e) {
            return Summary.fact("Referral " + e.referralId() + ": the family dropped out (" + e.reason() + ")");
        } else if (event instanceof ServiceDelivered e) {
            return Summary.fact("Service delivered on " + e.deliveredOn() + ": " + e.units() + " unit(s) under referral "
                    + e.referralId());
        } else if (event instanceof ReferralCompleted e) {
            return Summary.fact("Referral " + e.referralId() + " completed: " + e.outcome().labelEn());
        } else if (event instanceof TaskTeamMeetingHeld e) {
            return Summary.fact("Task-team meeting on " + e.heldOn() + " with " + e.participants().size()
                    + " participant(s), " + e.decisions().size() + " decision(s)");
        } else if (event instanceof OutcomeMeasured e) {
            return Summary.fact("Outcomes measured: " + e.horizon().labelEn() + " on " + e.measuredOn()
                    + (e.correctsMeasurementId() == null ? "" : ", correcting " + e.correctsMeasurementId()));
        } else if (event instanceof ClosureRequested e) {
            return Summary.decision("Closure requested: " + e.reason().labelEn(), e.justification());
        } else if (event instanceof ClosureApproved e) {
            return Summary.decision("Closure approved; closed on " + e.closedOn(), e.comment());
        } else if (event instanceof ClosureRejected e) {
            return Summary.decision("Closure rejected", e.comment());
        } else if (event instanceof CaseReopened e) {
            return Summary.decision("Case reopened: episode " + e.episode(), e.reason());
        } else if (event instanceof MemberErased e) {
            return Summary.decision("Personal data of member " + e.memberId() + " erased", e.reason());
        } else if (event instanceof CoordinatorReassigned e) {
            return Summary.decision("Coordinator changed from " + e.previousCoordinatorId() + " to " + e.coordinatorId(),
                    e.reason());
        } else if (event instanceof DecisionReviewed e) {
            return Summary.decision("Review of event " + e.eventId() + ": " + e.verdict().labelEn(), e.comment());
        }
        return Summary.fact(event.getClass().getSimpleName());
    }
}
