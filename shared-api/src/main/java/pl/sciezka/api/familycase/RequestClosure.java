package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The coordinator asks a supervisor to close the case; open referrals need an explanation. */
public record RequestClosure(@TargetAggregateIdentifier String caseId, ClosureReason reason, String justification, String openReferralsExplanation) {
}
