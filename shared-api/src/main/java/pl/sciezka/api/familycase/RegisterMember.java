package pl.sciezka.api.familycase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a family member with their generation; names and PESEL are personal data. */
public record RegisterMember(@TargetAggregateIdentifier String caseId, String memberId, String firstName, String lastName, int birthYear, Generation generation, String relation, String pesel) {
}
