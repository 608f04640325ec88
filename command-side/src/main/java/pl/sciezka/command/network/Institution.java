package pl.sciezka.command.network;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import pl.sciezka.api.network.InstitutionRegistered;
import pl.sciezka.api.network.RegisterInstitution;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.command.dispatch.CommandDispatcher;

/** A partner institution of the support network and the provider users who act for it. */
@Aggregate(lockFactory = NetworkLockConfiguration.BEAN)
public class Institution {

    @AggregateIdentifier
    private String institutionId;
    private List<String> staffUserIds = List.of();

    protected Institution() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(RegisterInstitution command, MetaData metadata) {
        NetworkAccess.requireAdmin(CommandDispatcher.actorOf(metadata));
        if (institutionId != null) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "Institution " + institutionId + " is already registered.");
        }
        apply(new InstitutionRegistered(command.institutionId(), command.name(), command.kind(), command.staffUserIds()));
        return command.institutionId();
    }

    /** Whether {@code userId} is a provider user of this institution. */
    public boolean employs(String userId) {
        return staffUserIds.contains(userId);
    }

    @EventSourcingHandler
    void on(InstitutionRegistered event) {
        institutionId = event.institutionId();
        staffUserIds = event.staffUserIds();
    }
}
