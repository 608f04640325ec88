package pl.sciezka.command.network;

import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Answers from the network's own aggregates, loaded in the same unit of work as the command: always
 * as current as the event store, with no extra table to keep in step, and the same with JDBC or Axon
 * Server as event store. Both are read without a lock ({@link NetworkLockConfiguration}).
 */
@Component
class AggregateNetworkDirectory implements NetworkDirectory {

    private final Repository<Offering> offerings;
    private final Repository<Institution> institutions;

    AggregateNetworkDirectory(@Qualifier("offeringRepository") Repository<Offering> offerings,
                              @Qualifier("institutionRepository") Repository<Institution> institutions) {
        this.offerings = offerings;
        this.institutions = institutions;
    }

    @Override
    public Optional<OfferingTerms> offering(String offeringId) {
        try {
            return Optional.of(offerings.load(offeringId).invoke(Offering::terms));
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        }
    }

    @Override
    public boolean institutionExists(String institutionId) {
        try {
            institutions.load(institutionId);
            return true;
        } catch (AggregateNotFoundException unknown) {
            return false;
        }
    }

    @Override
    public boolean isStaffOf(String userId, String institutionId) {
        try {
            return institutions.load(institutionId).invoke(institution -> institution.employs(userId));
        } catch (AggregateNotFoundException unknown) {
            return false;
        }
    }
}
