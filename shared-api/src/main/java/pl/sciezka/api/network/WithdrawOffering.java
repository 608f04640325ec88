package pl.sciezka.api.network;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws an offering; referrals to it are refused from then on. */
public record WithdrawOffering(@TargetAggregateIdentifier String offeringId, String reason) {
}
