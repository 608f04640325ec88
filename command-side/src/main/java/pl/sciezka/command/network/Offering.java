package pl.sciezka.command.network;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import pl.sciezka.api.network.ListOffering;
import pl.sciezka.api.network.OfferingListed;
import pl.sciezka.api.network.OfferingWithdrawn;
import pl.sciezka.api.network.WithdrawOffering;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.command.dispatch.CommandDispatcher;

/** A service an institution offers; once withdrawn, no new referral may name it. */
@Aggregate(lockFactory = NetworkLockConfiguration.BEAN)
public class Offering {

    @AggregateIdentifier
    private String offeringId;
    private String institutionId;
    private BigDecimal unitCost;
    private boolean withdrawn;

    protected Offering() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(ListOffering command, MetaData metadata, NetworkDirectory network) {
        NetworkAccess.requireAdmin(CommandDispatcher.actorOf(metadata));
        if (offeringId != null) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "Offering " + offeringId + " is already listed.");
        }
        if (!network.institutionExists(command.institutionId())) {
            throw RejectedException.invalidField("institutionId", "no institution with this id is registered");
        }
        apply(new OfferingListed(command.offeringId(), command.institutionId(), command.category(), command.name(),
                command.unit(), command.unitCost(), command.capacity()));
        return command.offeringId();
    }

    @CommandHandler
    public String handle(WithdrawOffering command, MetaData metadata) {
        NetworkAccess.requireAdmin(CommandDispatcher.actorOf(metadata));
        if (withdrawn) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "Offering " + offeringId + " is already withdrawn.");
        }
        apply(new OfferingWithdrawn(offeringId, institutionId, command.reason()));
        return offeringId;
    }

    /** What a referral needs to know of the offering it names. */
    public NetworkDirectory.OfferingTerms terms() {
        return new NetworkDirectory.OfferingTerms(offeringId, institutionId, unitCost, withdrawn);
    }

    @EventSourcingHandler
    void on(OfferingListed event) {
        offeringId = event.offeringId();
        institutionId = event.institutionId();
        unitCost = event.unitCost();
    }

    @EventSourcingHandler
    void on(OfferingWithdrawn event) {
        withdrawn = true;
    }
}
