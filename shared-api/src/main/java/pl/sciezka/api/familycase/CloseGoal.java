package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks a goal of the plan achieved or abandoned, with the reason. */
public record CloseGoal(@TargetAggregateIdentifier String caseId, String goalId, GoalStatus status, String reason) {
}
