package pl.sciezka.query.casefile;

import java.util.List;
import pl.sciezka.api.casefile.CaseFile;
import pl.sciezka.api.casefile.CaseFileClosure;
import pl.sciezka.api.casefile.CaseFileDelivery;
import pl.sciezka.api.casefile.CaseFileDiagnosis;
import pl.sciezka.api.casefile.CaseFileGoal;
import pl.sciezka.api.casefile.CaseFileMeasurement;
import pl.sciezka.api.casefile.CaseFileMeeting;
import pl.sciezka.api.casefile.CaseFileMember;
import pl.sciezka.api.casefile.CaseFileReferral;
import pl.sciezka.api.casefile.CaseFileReview;
import pl.sciezka.api.familycase.DiagnosedProblem;
import pl.sciezka.api.familycase.MeetingDecision;
import pl.sciezka.api.familycase.MeetingParticipant;
import pl.sciezka.api.familycase.MemberIndicators;
import pl.sciezka.query.pseudonyms.Pseudonyms;

/**
 * The case file as an evaluator may see it: case, member and user ids replaced by their stable
 * pseudonyms; names, PESEL, the family name and every free text (descriptions, reasons, comments,
 * decisions, participants' names), which may name people, left out. Structure, dates, codes and
 * measurements stay, which is what an impact study needs.
 */
final class EvaluatorCaseFile {

    private EvaluatorCaseFile() {
    }

    static CaseFile of(CaseFile file, Pseudonyms pseudonyms) {
        Ids ids = new Ids(pseudonyms);
        return new CaseFile(ids.of("case", file.caseId()), null, file.district(), ids.user(file.coordinatorId()),
                file.status(), file.episode(), file.openedAt(), ids.user(file.openedBy()), file.lastActivityAt(),
                file.generationsPresent(),
                file.members().stream().map(m -> new CaseFileMember(ids.member(m.memberId()), null, null, null,
                        m.birthYear(), m.generation(), m.relation(), m.erased())).toList(),
                file.diagnoses().stream().map(d -> new CaseFileDiagnosis(d.diagnosisId(), d.source(),
                        d.problems().stream().map(p -> new DiagnosedProblem(p.area(), ids.members(p.memberIds()),
                                p.severity(), null)).toList(), d.codeListVersion(), d.recordedAt(),
                        ids.user(d.recordedBy()))).toList(),
                file.planVersion(),
                file.goals().stream().map(g -> new CaseFileGoal(g.goalId(), g.area(), ids.members(g.memberIds()), null,
                        g.targetDate(), g.status(), null)).toList(),
                file.referrals().stream().map(r -> new CaseFileReferral(r.referralId(), r.offeringId(),
                        r.institutionId(), ids.members(r.memberIds()), r.goalId(), null, r.status(), r.issuedAt(),
                        r.answeredAt(), null, r.outcome(), r.deliveries().stream().map(d -> new CaseFileDelivery(
                                d.deliveryId(), d.deliveredOn(), d.units(), ids.members(d.memberIds()), d.cost(),
                                ids.user(d.recordedBy()))).toList())).toList(),
                file.meetings().stream().map(m -> new CaseFileMeeting(m.meetingId(), m.heldOn(),
                        m.participants().stream().map(p -> new MeetingParticipant(null, p.institution(), p.role(),
                                ids.user(p.userId()))).toList(),
                        m.decisions().stream().map(d -> new MeetingDecision(null, null, d.dueBy())).toList(),
                        ids.user(m.recordedBy()))).toList(),
                file.measurements().stream().map(m -> new CaseFileMeasurement(m.measurementId(), m.episode(),
                        m.horizon(), m.measuredOn(), m.household(), m.members().stream().map(i -> new MemberIndicators(
                                ids.member(i.memberId()), i.employment(), i.inEducationOrTraining(),
                                i.schoolAttendanceRate(), i.openProblemAreas())).toList(),
                        m.correctsMeasurementId(), m.correctedBy())).toList(),
                file.closure() == null ? null : closure(file.closure(), ids),
                file.reviews().stream().map(r -> new CaseFileReview(r.reviewId(), r.eventId(), r.verdict(), null,
                        ids.user(r.reviewedBy()), r.reviewedAt())).toList(),
                file.version());
    }

    private static CaseFileClosure closure(CaseFileClosure closure, Ids ids) {
        return new CaseFileClosure(closure.reason(), null, null, ids.user(closure.requestedBy()),
                closure.requestedAt(), ids.user(closure.decidedBy()), null, closure.closedOn());
    }

    private record Ids(Pseudonyms pseudonyms) {

        String of(String kind, String id) {
            return pseudonyms.of(kind, id);
        }

        String user(String userId) {
            return pseudonyms.of("user", userId);
        }

        String member(String memberId) {
            return pseudonyms.of("member", memberId);
        }

        List<String> members(List<String> memberIds) {
            return memberIds.stream().map(this::member).toList();
        }
    }
}
