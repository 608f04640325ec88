package pl.sciezka.api.casefile;

import java.time.LocalDate;
import java.util.List;
import pl.sciezka.api.familycase.GoalStatus;
import pl.sciezka.api.familycase.ProblemArea;

/** A goal of the current support plan and where it stands. */
public record CaseFileGoal(String goalId,
                           ProblemArea area,
                           List<String> memberIds,
                           String description,
                           LocalDate targetDate,
                           GoalStatus status,
                           String closingReason) {
}
