package pl.sciezka.query.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import pl.sciezka.api.casefile.CaseFileClosure;
import pl.sciezka.api.casefile.CaseFileDelivery;
import pl.sciezka.api.casefile.CaseFileDiagnosis;
import pl.sciezka.api.casefile.CaseFileGoal;
import pl.sciezka.api.casefile.CaseFileMeasurement;
import pl.sciezka.api.casefile.CaseFileMeeting;
import pl.sciezka.api.casefile.CaseFileMember;
import pl.sciezka.api.casefile.CaseFileReferral;
import pl.sciezka.api.casefile.CaseFileReview;
import pl.sciezka.api.familycase.*;

/** How each event of a family case changes its case file. */
final class CaseFileEvents {

    private CaseFileEvents() {
    }

    /** Applies one event; {@code sequence} becomes the file's version. */
    static void apply(CaseFileDocument file, FamilyCaseEvent event, long sequence, Instant at, String actorId) {
        if (event instanceof FamilyCaseOpened opened) {
            file.caseId = opened.caseId();
            file.familyName = opened.familyName();
            file.district = opened.district();
            file.coordinatorId = opened.coordinatorId();
            file.status = CaseStatus.OPENED;
            file.openedAt = at;
            file.openedBy = actorId;
        } else if (event instanceof MemberRegistered member) {
            file.members.put(member.memberId(), new CaseFileMember(member.memberId(), member.firstName(),
                    member.lastName(), member.pesel(), member.birthYear(), member.generation(), member.relation(), false));
        } else if (event instanceof DiagnosisRecorded diagnosis) {
            file.diagnoses.add(new CaseFileDiagnosis(diagnosis.diagnosisId(), diagnosis.source(), diagnosis.problems(),
                    diagnosis.codeListVersion(), at, actorId));
            advance(file, CaseStatus.DIAGNOSED);
        } else if (event instanceof SupportPlanAgreed plan) {
            var before = file.goals;
            file.goals = new java.util.LinkedHashMap<>();
            for (Goal goal : plan.goals()) {
                CaseFileGoal earlier = before.get(goal.goalId());
                file.goals.put(goal.goalId(), new CaseFileGoal(goal.goalId(), goal.area(), goal.memberIds(),
                        goal.description(), goal.targetDate(), earlier == null ? GoalStatus.OPEN : earlier.status(),
                        earlier == null ? null : earlier.closingReason()));
            }
            file.planVersion = plan.planVersion();
            advance(file, CaseStatus.IN_SUPPORT);
        } else if (event instanceof GoalClosed closed) {
            file.goals.computeIfPresent(closed.goalId(), (id, goal) -> new CaseFileGoal(id, goal.area(),
                    goal.memberIds(), goal.description(), goal.targetDate(), closed.status(), closed.reason()));
        } else if (event instanceof ReferralIssued issued) {
            file.referrals.put(issued.referralId(), new CaseFileReferral(issued.referralId(), issued.offeringId(),
                    issued.institutionId(), issued.memberIds(), issued.goalId(), issued.reason(), ReferralStatus.ISSUED,
                    at, null, null, null, List.of()));
        } else if (event instanceof ReferralAccepted accepted) {
            referral(file, accepted.referralId(), ReferralStatus.ACCEPTED, at, null, null);
        } else if (event instanceof ReferralDeclined declined) {
            referral(file, declined.referralId(), ReferralStatus.DECLINED, at, declined.reason(), null);
        } else if (event instanceof ReferralRevoked revoked) {
            referral(file, revoked.referralId(), ReferralStatus.REVOKED, null, revoked.reason(), null);
        } else if (event instanceof ReferralDroppedOut dropped) {
            referral(file, dropped.referralId(), ReferralStatus.DROPPED_OUT, null, dropped.reason(), null);
        } else if (event instanceof ReferralCompleted completed) {
            referral(file, completed.referralId(), ReferralStatus.COMPLETED, null, null, completed.outcome());
        } else if (event instanceof ServiceDelivered delivered) {
            file.referrals.computeIfPresent(delivered.referralId(), (id, referral) -> {
                List<CaseFileDelivery> deliveries = new ArrayList<>(referral.deliveries());
                deliveries.add(new CaseFileDelivery(delivered.deliveryId(), delivered.deliveredOn(), delivered.units(),
                        delivered.memberIds(), delivered.cost(), actorId));
                return new CaseFileReferral(id, referral.offeringId(), referral.institutionId(), referral.memberIds(),
                        referral.goalId(), referral.reason(), referral.status(), referral.issuedAt(),
                        referral.answeredAt(), referral.statusReason(), referral.outcome(), deliveries);
            });
        } else if (event instanceof TaskTeamMeetingHeld meeting) {
            file.meetings.add(new CaseFileMeeting(meeting.meetingId(), meeting.heldOn(), meeting.participants(),
                    meeting.decisions(), actorId));
        } else if (event instanceof OutcomeMeasured measured) {
            if (measured.correctsMeasurementId() != null) {
                file.measurements.computeIfPresent(measured.correctsMeasurementId(), (id, earlier) ->
                        new CaseFileMeasurement(id, earlier.episode(), earlier.horizon(), earlier.measuredOn(),
                                earlier.household(), earlier.members(), earlier.correctsMeasurementId(),
                                measured.measurementId()));
            }
            file.measurements.put(measured.measurementId(), new CaseFileMeasurement(measured.measurementId(),
                    measured.episode(), measured.horizon(), measured.measuredOn(), measured.household(),
                    measured.members(), measured.correctsMeasurementId(), null));
        } else if (event instanceof ClosureRequested requested) {
            file.statusBeforeClosureRequest = file.status;
            file.status = CaseStatus.CLOSURE_REQUESTED;
            file.closure = new CaseFileClosure(requested.reason(), requested.justification(),
                    requested.openReferralsExplanation(), actorId, at, null, null, null);
        } else if (event instanceof ClosureApproved approved) {
            file.status = CaseStatus.CLOSED;
            file.closure = decided(file.closure, actorId, approved.comment(), approved.closedOn());
        } else if (event instanceof ClosureRejected rejected) {
            file.status = file.statusBeforeClosureRequest;
            file.closure = decided(file.closure, actorId, rejected.comment(), null);
        } else if (event instanceof CaseReopened reopened) {
            file.status = CaseStatus.REOPENED;
            file.episode = reopened.episode();
        } else if (event instanceof MemberErased erased) {
            file.members.computeIfPresent(erased.memberId(), (id, member) -> new CaseFileMember(id,
                    CaseFileMember.ERASED, CaseFileMember.ERASED, member.pesel() == null ? null : CaseFileMember.ERASED,
                    member.birthYear(), member.generation(), member.relation(), true));
        } else if (event instanceof CoordinatorReassigned reassigned) {
            file.coordinatorId = reassigned.coordinatorId();
        } else if (event instanceof DecisionReviewed review) {
            file.reviews.add(new CaseFileReview(review.reviewId(), review.eventId(), review.verdict(), review.comment(),
                    actorId, at));
        }
        file.lastActivityAt = at;
        file.version = sequence;
    }

    private static void advance(CaseFileDocument file, CaseStatus next) {
        if (file.status.ordinal() < next.ordinal() || file.status == CaseStatus.REOPENED) {
            file.status = next;
        }
    }

    private static void referral(CaseFileDocument file, String referralId, ReferralStatus status, Instant answeredAt,
                                 String reason, ReferralOutcome outcome) {
        file.referrals.computeIfPresent(referralId, (id, referral) -> new CaseFileReferral(id, referral.offeringId(),
                referral.institutionId(), referral.memberIds(), referral.goalId(), referral.reason(), status,
                referral.issuedAt(), answeredAt == null ? referral.answeredAt() : answeredAt,
                reason == null ? referral.statusReason() : reason, outcome == null ? referral.outcome() : outcome,
                referral.deliveries()));
    }

    private static CaseFileClosure decided(CaseFileClosure request, String supervisor, String comment,
                                           java.time.LocalDate closedOn) {
        return new CaseFileClosure(request.reason(), request.justification(), request.openReferralsExplanation(),
                request.requestedBy(), request.requestedAt(), supervisor, comment, closedOn);
    }
}
