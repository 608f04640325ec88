package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The coordinator or a supervisor revokes a referral, saying why. */
public record RevokeReferral(@TargetAggregateIdentifier String caseId, String referralId, String reason) {
}
