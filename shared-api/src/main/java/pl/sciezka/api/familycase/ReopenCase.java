package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopens a closed case: a new episode of support begins. */
public record ReopenCase(@TargetAggregateIdentifier String caseId, String reason) {
}
