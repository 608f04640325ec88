package pl.sciezka.query.casefile;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.casefile.CaseFile;
import pl.sciezka.api.casefile.FindCaseFileAsOf;
import pl.sciezka.api.familycase.CoordinatorReassigned;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.query.pseudonyms.CasePseudonyms;
import pl.sciezka.query.pseudonyms.Pseudonyms;

/**
 * The case file as it stood at a past instant: the case's own events up to it, folded by the same
 * code as the live case file. Who may read it is decided as for the live file, by who holds the case
 * now, but from the same events (the coordinator its latest opening or reassignment names) rather than
 * from the case-file projection: one round trip less for every answer, and a past that stays readable
 * while that projection is being rebuilt. Evaluators, who look at any case as it stood on a past date,
 * name it by its pseudonym and read it pseudonymised.
 */
@Component
class CaseFileAsOfQueryHandler {

    private final EventStore events;
    private final CasePseudonyms casePseudonyms;
    private final PseudonymisedCaseFile pseudonymised;
    private final StoredActor actors;

    CaseFileAsOfQueryHandler(EventStore events, CasePseudonyms casePseudonyms, Pseudonyms pseudonyms,
                             @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.events = events;
        this.casePseudonyms = casePseudonyms;
        this.pseudonymised = new PseudonymisedCaseFile(pseudonyms);
        this.actors = new StoredActor(eventSerializer);
    }

    @QueryHandler
    Optional<CaseFile> handle(FindCaseFileAsOf query) {
        Actor viewer = query.viewer();
        if (viewer.is(Role.EVALUATOR)) {
            return casePseudonyms.caseIdOf(query.caseId())
                    .map(caseId -> fold(caseId, query.asOf(), false).file())
                    .filter(file -> file.version >= 0)
                    .map(file -> pseudonymised.of(file.toView()));
        }
        CaseFileQueryHandler.requireReadingRole(viewer);
        AsOf found = fold(query.caseId(), query.asOf(), true);
        if (found.heldBy() == null || !CaseFileQueryHandler.isReaderOf(viewer, found.heldBy())) {
            return Optional.empty(); // no such case, or not the viewer's: both a 404, as for the live file
        }
        return found.file().version < 0 ? Optional.empty() : Optional.of(found.file().toView());
    }

    /** The file as of the instant, and who holds the case now (null if it was never opened, or not looked for). */
    private record AsOf(CaseFileDocument file, String heldBy) {
    }

    private AsOf fold(String caseId, Instant asOf, boolean whoHoldsItNow) {
        CaseFileDocument file = new CaseFileDocument();
        String heldBy = null;
        // from the first event: the one-argument read starts at the latest snapshot, if one was ever taken,
        // which stands for the aggregate's state, not the case file's, and would hide every event before it
        DomainEventStream stream = events.readEvents(caseId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Instant at = message.getTimestamp();
            if (!at.isAfter(asOf)) {
                if (message.getPayload() instanceof FamilyCaseEvent event) {
                    CaseFileEvents.apply(file, event, message.getSequenceNumber(), at, actors.of(message));
                }
                heldBy = file.coordinatorId;
            } else if (!whoHoldsItNow) {
                break;
            } else if (CoordinatorReassigned.class.equals(message.getPayloadType())) {
                // only these are deserialised past the instant: the type is known without
                heldBy = ((CoordinatorReassigned) message.getPayload()).coordinatorId();
            } else if (FamilyCaseOpened.class.equals(message.getPayloadType())) {
                heldBy = ((FamilyCaseOpened) message.getPayload()).coordinatorId();
            }
        }
        return new AsOf(file, heldBy);
    }
}
