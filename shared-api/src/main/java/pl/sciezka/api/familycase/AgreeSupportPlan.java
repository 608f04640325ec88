package pl.sciezka.api.familycase;

import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Agrees the support plan, or revises it: every call makes a new plan version. Goals whose ids are in
 * {@code keptGoalIds} carry on goals of the current plan; the others are new, their ids made by the server.
 */
public record AgreeSupportPlan(@TargetAggregateIdentifier String caseId, List<Goal> goals, Set<String> keptGoalIds) {

    public AgreeSupportPlan {
        goals = goals == null ? List.of() : List.copyOf(goals);
        keptGoalIds = keptGoalIds == null ? Set.of() : Set.copyOf(keptGoalIds);
    }

    /** A plan of new goals only. */
    public AgreeSupportPlan(String caseId, List<Goal> goals) {
        this(caseId, goals, Set.of());
    }
}
