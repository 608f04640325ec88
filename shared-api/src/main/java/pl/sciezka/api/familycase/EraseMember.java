package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erases a member's personal data (GDPR art. 17): the key to it is destroyed. */
public record EraseMember(@TargetAggregateIdentifier String caseId, String memberId, String reason) {
}
