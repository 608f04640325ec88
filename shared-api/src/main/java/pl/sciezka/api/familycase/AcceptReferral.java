package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider (or the coordinator on its behalf) accepts a referral. */
public record AcceptReferral(@TargetAggregateIdentifier String caseId, String referralId) {
}
