package pl.sciezka.command.familycase;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Every goal is for named members of the family, and each goal id appears once. */
    static void check(List<Goal> goals, Members members) {
        if (goals.isEmpty()) {
            throw RejectedException.invalidField("goals", "a support plan has at least one goal");
        }
        Set<String> goalIds = new HashSet<>();
        for (int i = 0; i < goals.size(); i++) {
            members.requireNamed("goals[" + i + "].memberIds", goals.get(i).memberIds());
            if (!goalIds.add(goals.get(i).goalId())) {
                throw RejectedException.invalidField("goals[" + i + "].goalId", "names a goal twice");
            }
        }
    }

    /** A goal a revision carries on by its id is a goal of the current plan; ids of new goals are the server's to make. */
    void requireKept(List<Goal> revised, Set<String> keptGoalIds) {
        for (int i = 0; i < revised.size(); i++) {
            String goalId = revised.get(i).goalId();
            if (keptGoalIds.contains(goalId) && !goals.containsKey(goalId)) {
                throw RejectedException.invalidField("goals[" + i + "].goalId",
                        "no goal with this id in the current support plan; leave goalId out for a new goal");
            }
        }
    }

    /** Rule 4: once a plan exists, a referral names the open goal it serves; before, it names none. */
    void requireGoalServed(String goalId) {
        if (!exists()) {
            if (goalId != null) {
                throw RejectedException.invalidField("goalId", "the case has no support plan yet");
            }
            return;
        }
        if (goalId == null) {
            throw RejectedException.invalidField("goalId", "name the goal of the support plan this referral serves");
        }
        requireOpenGoal("goalId", goalId);
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
