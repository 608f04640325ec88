package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor hands the case to another caseworker, saying why. */
public record ReassignCoordinator(@TargetAggregateIdentifier String caseId, String coordinatorId, String reason) {
}
