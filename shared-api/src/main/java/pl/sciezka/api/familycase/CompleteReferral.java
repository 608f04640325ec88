package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Completes a referral with its outcome. */
public record CompleteReferral(@TargetAggregateIdentifier String caseId, String referralId, ReferralOutcome outcome) {
}
