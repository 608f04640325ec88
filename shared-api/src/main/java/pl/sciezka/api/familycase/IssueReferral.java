package pl.sciezka.api.familycase;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Refers members of the family to an offering of the support network. */
public record IssueReferral(@TargetAggregateIdentifier String caseId, String referralId, String offeringId, List<String> memberIds, String goalId, String reason) {

    public IssueReferral {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
