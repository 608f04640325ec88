package pl.sciezka.command.network;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Answers from the network's own aggregates, checked against the event store in the same unit of work
 * as the command ({@link LatestAggregates}): always as current as the event store, with no extra table
 * to keep in step, and the same with JDBC or Axon Server as event store. Both are read without a lock
 * ({@link NetworkLockConfiguration}).
 */
@Component
class AggregateNetworkDirectory implements NetworkDirectory {

    /** Far more than a centre's partner institutions and their offerings. */
    private static final int KEPT = 1_000;

    private final LatestAggregates<Offering> offerings;
    private final LatestAggregates<Institution> institutions;

    AggregateNetworkDirectory(@Qualifier("offeringRepository") Repository<Offering> offerings,
                              @Qualifier("institutionRepository") Repository<Institution> institutions,
                              EventStore events) {
        this.offerings = new LatestAggregates<>(offerings, events, KEPT);
        this.institutions = new LatestAggregates<>(institutions, events, KEPT);
    }

    @Override
    public Optional<OfferingTerms> offering(String offeringId) {
        return offerings.get(offeringId).map(Offering::terms);
    }

    @Override
    public boolean institutionExists(String institutionId) {
        return institutions.get(institutionId).isPresent();
    }

    @Override
    public boolean isStaffOf(String userId, String institutionId) {
        return institutions.get(institutionId).map(institution -> institution.employs(userId)).orElse(false);
    }
}
