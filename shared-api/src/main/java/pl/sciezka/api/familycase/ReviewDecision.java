package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor endorses or queries an earlier event of the case. */
public record ReviewDecision(@TargetAggregateIdentifier String caseId, String reviewId, String eventId, ReviewVerdict verdict, String comment) {
}
