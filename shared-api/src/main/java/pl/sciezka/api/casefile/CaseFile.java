package pl.sciezka.api.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import pl.sciezka.api.familycase.CaseStatus;
import pl.sciezka.api.familycase.Generation;

/**
 * The case file (<i>akta sprawy</i>): the current state of one family case. {@code version} is the
 * sequence number of the last event applied, the same number a write answers in its ETag;
 * {@code generationsPresent} says which of the three generations the family has (rule 5).
 */
public record CaseFile(String caseId,
                       String familyName,
                       String district,
                       String coordinatorId,
                       CaseStatus status,
                       int episode,
                       Instant openedAt,
                       String openedBy,
                       Instant lastActivityAt,
                       Set<Generation> generationsPresent,
                       List<CaseFileMember> members,
                       List<CaseFileDiagnosis> diagnoses,
                       int planVersion,
                       List<CaseFileGoal> goals,
                       List<CaseFileReferral> referrals,
                       List<CaseFileMeeting> meetings,
                       List<CaseFileMeasurement> measurements,
                       CaseFileClosure closure,
                       List<CaseFileReview> reviews,
                       long version) {
}
