package pl.sciezka.command.network;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the command side may ask of the support network while deciding on a case: set-based checks
 * that one aggregate cannot answer alone (does this offering exist and is it still offered; does
 * this provider user work for that institution).
 */
public interface NetworkDirectory {

    Optional<OfferingTerms> offering(String offeringId);

    boolean institutionExists(String institutionId);

    boolean isStaffOf(String userId, String institutionId);

    record OfferingTerms(String offeringId, String institutionId, BigDecimal unitCost, boolean withdrawn) {
    }
}
