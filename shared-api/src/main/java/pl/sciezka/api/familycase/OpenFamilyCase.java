package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a family case (<i>sprawa rodziny</i>) with its coordinating caseworker. */
public record OpenFamilyCase(@TargetAggregateIdentifier String caseId,
                             String familyName,
                             String district,
                             String coordinatorId) {
}
