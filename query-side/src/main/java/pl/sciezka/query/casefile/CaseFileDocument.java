package pl.sciezka.query.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import pl.sciezka.api.casefile.CaseFile;
import pl.sciezka.api.casefile.CaseFileClosure;
import pl.sciezka.api.casefile.CaseFileDiagnosis;
import pl.sciezka.api.casefile.CaseFileGoal;
import pl.sciezka.api.casefile.CaseFileMeasurement;
import pl.sciezka.api.casefile.CaseFileMeeting;
import pl.sciezka.api.casefile.CaseFileMember;
import pl.sciezka.api.casefile.CaseFileReferral;
import pl.sciezka.api.casefile.CaseFileReview;
import pl.sciezka.api.familycase.CaseStatus;
import pl.sciezka.api.familycase.Generation;

/**
 * One case file per case, looked up by its id, and the fold that builds it: the live projection
 * applies one event at a time ({@link CaseFileEvents}); a view as of a past instant folds the case's
 * stored events into a fresh document with the same code.
 */
@Document("case_files")
class CaseFileDocument {

    @Id
    String caseId;
    String familyName;
    String district;
    String coordinatorId;
    CaseStatus status;
    CaseStatus statusBeforeClosureRequest;
    int episode = 1;
    Instant openedAt;
    String openedBy;
    Instant lastActivityAt;
    Map<String, CaseFileMember> members = new LinkedHashMap<>();
    List<CaseFileDiagnosis> diagnoses = new ArrayList<>();
    int planVersion;
    Map<String, CaseFileGoal> goals = new LinkedHashMap<>();
    Map<String, CaseFileReferral> referrals = new LinkedHashMap<>();
    List<CaseFileMeeting> meetings = new ArrayList<>();
    Map<String, CaseFileMeasurement> measurements = new LinkedHashMap<>();
    CaseFileClosure closure;
    List<CaseFileReview> reviews = new ArrayList<>();
    long version = -1;

    CaseFile toView() {
        Set<Generation> generations = EnumSet.noneOf(Generation.class);
        members.values().forEach(member -> generations.add(member.generation()));
        return new CaseFile(caseId, familyName, district, coordinatorId, status, episode, openedAt, openedBy,
                lastActivityAt, generations, List.copyOf(members.values()), List.copyOf(diagnoses), planVersion,
                List.copyOf(goals.values()), List.copyOf(referrals.values()), List.copyOf(meetings),
                List.copyOf(measurements.values()), closure, List.copyOf(reviews), version);
    }
}
