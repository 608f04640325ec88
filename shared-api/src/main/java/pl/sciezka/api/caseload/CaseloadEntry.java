package pl.sciezka.api.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pl.sciezka.api.CodeList;
import pl.sciezka.api.familycase.CaseStatus;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.ProblemArea;

/**
 * One case in a caseload: status, the family by generation (rule 5), referrals open and overdue
 * (issued and not answered in time, or accepted with no service in time), follow-ups due after
 * closure, and the last activity. A closed case stays while follow-ups remain to be measured.
 */
public record CaseloadEntry(String caseId,
                            String familyName,
                            String district,
                            String coordinatorId,
                            CaseStatus status,
                            Set<ProblemArea> problemAreas,
                            Map<Generation, Integer> membersPerGeneration,
                            int openReferrals,
                            int overdueReferrals,
                            List<FollowUp> followUps,
                            LocalDate nextFollowUpDue,
                            Instant openedAt,
                            Instant lastActivityAt) {

    public CaseloadEntry {
        problemAreas = CodeList.inCodeListOrder(problemAreas);
        // in the generations' order, for the reason CodeList.inCodeListOrder gives for sets
        membersPerGeneration = membersPerGeneration == null || membersPerGeneration.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(membersPerGeneration));
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /** A follow-up measurement still to be made, and the day it falls due. */
    public record FollowUp(Horizon horizon, LocalDate dueOn, boolean due) {
    }
}
