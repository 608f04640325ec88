package pl.sciezka.api.familycase;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Agrees the support plan, or revises it: every call makes a new plan version. */
public record AgreeSupportPlan(@TargetAggregateIdentifier String caseId, List<Goal> goals) {

    public AgreeSupportPlan {
        goals = goals == null ? List.of() : List.copyOf(goals);
    }
}
