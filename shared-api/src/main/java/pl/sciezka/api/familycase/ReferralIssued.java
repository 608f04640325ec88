package pl.sciezka.api.familycase;

import java.math.BigDecimal;
import java.util.List;

/** A referral to an offering; the institution and unit cost are those of the offering at issue. */
public record ReferralIssued(String caseId, String referralId, String offeringId, String institutionId, List<String> memberIds, String goalId, String reason, BigDecimal unitCost) implements FamilyCaseEvent {

    public ReferralIssued {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
