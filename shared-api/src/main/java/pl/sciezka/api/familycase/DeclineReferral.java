package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider (or the coordinator on its behalf) declines a referral, saying why. */
public record DeclineReferral(@TargetAggregateIdentifier String caseId, String referralId, String reason) {
}
