package pl.sciezka.api.familycase;

import java.util.Set;
import pl.sciezka.api.CodeList;

/** One member's indicators at a measurement; school attendance only for school-age children. */
public record MemberIndicators(String memberId, Employment employment, Boolean inEducationOrTraining, Double schoolAttendanceRate, Set<ProblemArea> openProblemAreas) {

    public MemberIndicators {
        openProblemAreas = CodeList.inCodeListOrder(openProblemAreas);
    }
}
