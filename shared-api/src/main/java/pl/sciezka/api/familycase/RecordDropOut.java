package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the family stopped attending an accepted referral. */
public record RecordDropOut(@TargetAggregateIdentifier String caseId, String referralId, String reason) {
}
