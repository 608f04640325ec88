package pl.sciezka.api.network;

import java.math.BigDecimal;
import java.util.List;

/**
 * How the support network is used: figures per offering and per institution, and each family's cost
 * to date. {@code pseudonymised} says whether families are named by pseudonym (everyone but
 * supervisors) or by case id.
 */
public record NetworkUsage(List<OfferingUsage> offerings, List<InstitutionUsage> institutions,
                           List<FamilyCost> families, boolean pseudonymised) {

    public NetworkUsage {
        offerings = offerings == null ? List.of() : List.copyOf(offerings);
        institutions = institutions == null ? List.of() : List.copyOf(institutions);
        families = families == null ? List.of() : List.copyOf(families);
    }

    public record OfferingUsage(String offeringId, String name, OfferingCategory category, String institutionId,
                                String institutionName, boolean withdrawn, UsageFigures usage) {
    }

    public record InstitutionUsage(String institutionId, String name, int offerings, UsageFigures usage) {
    }

    /** What the support network has cost one family so far: every delivery under its referrals. */
    public record FamilyCost(String caseId, int referrals, int deliveries, BigDecimal unitsDelivered, BigDecimal cost) {
    }
}
