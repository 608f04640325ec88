package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor other than the requester approves closing the case. */
public record ApproveClosure(@TargetAggregateIdentifier String caseId, String comment) {
}
