package pl.sciezka.command.familycase;

import java.util.HashMap;
import java.util.Map;
import pl.sciezka.api.familycase.Goal;
import pl.sciezka.api.familycase.GoalStatus;
import pl.sciezka.api.familycase.SupportPlanAgreed;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

/** The support plan (<i>kontrakt socjalny</i>): its current version and the status of each goal. */
final class SupportPlan {

    private int version;
    private final Map<String, GoalStatus> goals = new HashMap<>();

    boolean exists() {
        return version > 0;
    }

    int nextVersion() {
        return version + 1;
    }

    /** A revision keeps what was already decided about goals it carries on, by id. */
    void agreed(SupportPlanAgreed event) {
        Map<String, GoalStatus> before = new HashMap<>(goals);
        goals.clear();
        for (Goal goal : event.goals()) {
            goals.put(goal.goalId(), before.getOrDefault(goal.goalId(), GoalStatus.OPEN));
        }
        version = event.planVersion();
    }

    void closed(String goalId, GoalStatus status) {
        goals.put(goalId, status);
    }

    boolean contains(String goalId) {
        return goals.containsKey(goalId);
    }

    /** The goal must be in the current plan and still open. */
    void requireOpenGoal(String field, String goalId) {
        GoalStatus status = goals.get(goalId);
        if (status == null) {
            throw RejectedException.invalidField(field, "no goal " + goalId + " in the current support plan");
        }
        if (status != GoalStatus.OPEN) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "Goal " + goalId + " is already " + status.labelEn() + ".");
        }
    }
}
