package pl.sciezka.query.casefile;

import java.util.List;
import pl.sciezka.api.casefile.CaseFile;
import pl.sciezka.api.casefile.CaseFileClosure;
import pl.sciezka.api.casefile.CaseFileDelivery;
import pl.sciezka.api.casefile.CaseFileDiagnosis;
import pl.sciezka.api.casefile.CaseFileGoal;
import pl.sciezka.api.casefile.CaseFileMeeting;
import pl.sciezka.api.casefile.CaseFileMember;
import pl.sciezka.api.casefile.CaseFileReferral;
import pl.sciezka.api.casefile.CaseFileReview;
import pl.sciezka.api.casefile.CaseFileMeasurement;
import pl.sciezka.api.familycase.DiagnosedProblem;
import pl.sciezka.api.familycase.MeetingDecision;
import pl.sciezka.api.familycase.MeetingParticipant;
import pl.sciezka.api.familycase.MemberIndicators;
import pl.sciezka.query.pseudonyms.Pseudonyms;

/**
 * The case file as an evaluator sees it: the same structure, with the case, member, staff and event
 * ids replaced by the keyed pseudonyms the export and outcome views use, and left out (null) what
 * names or may name a person: the family name, members' names, PESEL and relation, and every
 * free-text description, reason, justification, comment and meeting note (as in the event export).
 */
final class PseudonymisedCaseFile {

    private final Pseudonyms pseudonyms;

    PseudonymisedCaseFile(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    CaseFile of(CaseFile file) {
        return new CaseFile(pseudonyms.of("case", file.caseId()), null, file.district(), user(file.coordinatorId()),
                file.status(), file.episode(), file.openedAt(), user(file.openedBy()), file.lastActivityAt(),
                file.generationsPresent(),
                file.members().stream().map(member -> new CaseFileMember(member(member.memberId()), null, null, null,
                        member.birthYear(), member.generation(), null, member.erased())).toList(),
                file.diagnoses().stream().map(diagnosis -> new CaseFileDiagnosis(diagnosis.diagnosisId(),
                        diagnosis.source(), diagnosis.problems().stream().map(problem -> new DiagnosedProblem(
                                problem.area(), members(problem.memberIds()), problem.severity(), null)).toList(),
                        diagnosis.codeListVersion(), diagnosis.recordedAt(), user(diagnosis.recordedBy()))).toList(),
                file.planVersion(),
                file.goals().stream().map(goal -> new CaseFileGoal(goal.goalId(), goal.area(), members(goal.memberIds()),
                        null, goal.targetDate(), goal.status(), null)).toList(),
                file.referrals().stream().map(this::referral).toList(),
                file.meetings().stream().map(meeting -> new CaseFileMeeting(meeting.meetingId(), meeting.heldOn(),
                        meeting.participants().stream().map(participant -> new MeetingParticipant(null, null, null,
                                user(participant.userId()))).toList(),
                        meeting.decisions().stream().map(decision -> new MeetingDecision(null, null, decision.dueBy()))
                                .toList(),
                        user(meeting.recordedBy()))).toList(),
                file.measurements().stream().map(measurement -> new CaseFileMeasurement(measurement.measurementId(),
                        measurement.episode(), measurement.horizon(), measurement.measuredOn(), measurement.household(),
                        measurement.members().stream().map(indicators -> new MemberIndicators(
                                member(indicators.memberId()), indicators.employment(),
                                indicators.inEducationOrTraining(), indicators.schoolAttendanceRate(),
                                indicators.openProblemAreas())).toList(),
                        measurement.correctsMeasurementId(), measurement.correctedBy())).toList(),
                closure(file.closure()),
                file.reviews().stream().map(review -> new CaseFileReview(review.reviewId(),
                        pseudonyms.of("event", review.eventId()), review.verdict(), null, user(review.reviewedBy()),
                        review.reviewedAt())).toList(),
                file.version());
    }

    private CaseFileReferral referral(CaseFileReferral referral) {
        return new CaseFileReferral(referral.referralId(), referral.offeringId(), referral.institutionId(),
                members(referral.memberIds()), referral.goalId(), null, referral.status(), referral.issuedAt(),
                referral.answeredAt(), null, referral.outcome(),
                referral.deliveries().stream().map(delivery -> new CaseFileDelivery(delivery.deliveryId(),
                        delivery.deliveredOn(), delivery.units(), members(delivery.memberIds()), delivery.cost(),
                        user(delivery.recordedBy()))).toList());
    }

    private CaseFileClosure closure(CaseFileClosure closure) {
        return closure == null ? null : new CaseFileClosure(closure.reason(), null, null, user(closure.requestedBy()),
                closure.requestedAt(), user(closure.decidedBy()), null, closure.closedOn());
    }

    private String user(String userId) {
        return pseudonyms.of("user", userId);
    }

    private String member(String memberId) {
        return pseudonyms.of("member", memberId);
    }

    private List<String> members(List<String> memberIds) {
        return memberIds == null ? List.of() : memberIds.stream().map(this::member).toList();
    }
}
