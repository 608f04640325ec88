package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor rejects the closure request; the case goes on. */
public record RejectClosure(@TargetAggregateIdentifier String caseId, String comment) {
}
