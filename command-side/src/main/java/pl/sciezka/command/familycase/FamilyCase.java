package pl.sciezka.command.familycase;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.familycase.DiagnosisRecorded;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.api.familycase.OpenFamilyCase;
import pl.sciezka.api.familycase.ProblemArea;
import pl.sciezka.api.familycase.RecordDiagnosis;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.command.dispatch.CommandDispatcher;

/**
 * A family case (<i>sprawa rodziny</i>): one event stream per family. Handlers check the rules and
 * apply events; state changes only in the event-sourcing handlers. Every handler answers the case's
 * version after the change, which the API returns as the ETag.
 */
@Aggregate
public class FamilyCase {

    @AggregateIdentifier
    private String caseId;
    private boolean opened;
    private String coordinatorId;
    private final Set<String> diagnosisIds = new HashSet<>();
    private long version = -1;

    protected FamilyCase() {
        // for Axon, which rebuilds the case from its events
    }

    /** CREATE_IF_MISSING rather than a constructor, so opening a case twice is a rule, not a storage error. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(OpenFamilyCase command, MetaData metadata) {
        Actor actor = CommandDispatcher.actorOf(metadata);
        CaseAccess.requireRole(actor, EnumSet.of(Role.CASEWORKER, Role.SUPERVISOR));
        if (opened) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "Case " + command.caseId() + " is already open.");
        }
        String coordinator = command.coordinatorId() == null ? actor.userId() : command.coordinatorId();
        if (actor.is(Role.CASEWORKER) && !coordinator.equals(actor.userId())) {
            throw RejectedException.invalidField("coordinatorId",
                    "a caseworker opens cases they coordinate; only a supervisor assigns another coordinator");
        }
        if (actor.is(Role.SUPERVISOR) && command.coordinatorId() == null) {
            throw RejectedException.invalidField("coordinatorId",
                    "a supervisor opening a case must name the caseworker who coordinates it");
        }
        apply(new FamilyCaseOpened(command.caseId(), command.familyName(), command.district(), coordinator));
        return version;
    }

    @CommandHandler
    public long handle(RecordDiagnosis command, MetaData metadata) {
        CaseAccess.requireCoordinator(CommandDispatcher.actorOf(metadata), caseId, coordinatorId);
        if (command.problems().isEmpty()) {
            throw RejectedException.invalidField("problems", "a diagnosis names at least one problem area");
        }
        Set<ProblemArea> areas = EnumSet.noneOf(ProblemArea.class);
        for (int i = 0; i < command.problems().size(); i++) {
            if (!areas.add(command.problems().get(i).area())) {
                throw RejectedException.invalidField("problems[" + i + "].area",
                        "problem area " + command.problems().get(i).area() + " appears twice in this diagnosis");
            }
        }
        if (diagnosisIds.contains(command.diagnosisId())) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT,
                    "Diagnosis " + command.diagnosisId() + " is already recorded.");
        }
        apply(new DiagnosisRecorded(caseId, command.diagnosisId(), command.source(), command.problems(),
                ProblemArea.CODE_LIST_VERSION));
        return version;
    }

    @EventSourcingHandler
    void on(FamilyCaseOpened event, @SequenceNumber long sequence) {
        caseId = event.caseId();
        opened = true;
        coordinatorId = event.coordinatorId();
        version = sequence;
    }

    @EventSourcingHandler
    void on(DiagnosisRecorded event, @SequenceNumber long sequence) {
        diagnosisIds.add(event.diagnosisId());
        version = sequence;
    }
}
