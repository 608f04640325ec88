package pl.sciezka.command.familycase;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pl.sciezka.command.network.NetworkDirectory;

/**
 * A support network given in advance, for rule tests of the family case alone; the application
 * answers the same questions from the network's own aggregates (tested end to end).
 */
final class KnownNetwork implements NetworkDirectory {

    private final Map<String, OfferingTerms> offerings = new HashMap<>();
    private final Set<String> staff = new HashSet<>();

    KnownNetwork offering(String offeringId, String institutionId, BigDecimal unitCost, boolean withdrawn) {
        offerings.put(offeringId, new OfferingTerms(offeringId, institutionId, unitCost, withdrawn));
        return this;
    }

    KnownNetwork staff(String institutionId, String userId) {
        staff.add(institutionId + "/" + userId);
        return this;
    }

    @Override
    public Optional<OfferingTerms> offering(String offeringId) {
        return Optional.ofNullable(offerings.get(offeringId));
    }

    @Override
    public boolean institutionExists(String institutionId) {
        return offerings.values().stream().anyMatch(offering -> offering.institutionId().equals(institutionId));
    }

    @Override
    public boolean isStaffOf(String userId, String institutionId) {
        return staff.contains(institutionId + "/" + userId);
    }
}
