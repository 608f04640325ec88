package pl.sciezka.api.familycase;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** One member's indicators at a measurement; school attendance only for school-age children. */
public record MemberIndicators(String memberId, Employment employment, Boolean inEducationOrTraining, Double schoolAttendanceRate, Set<ProblemArea> openProblemAreas) {

    public MemberIndicators {
        // in the enum's order, whatever order the set was filled in (as CaseloadEntry)
        openProblemAreas = openProblemAreas == null || openProblemAreas.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(openProblemAreas));
    }
}
