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
import pl.sciezka.api.Role;
import pl.sciezka.api.casefile.CaseFile;
import pl.sciezka.api.casefile.FindCaseFileAsOf;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.query.pseudonyms.CasePseudonyms;
import pl.sciezka.query.pseudonyms.Pseudonyms;

/**
 * The case file as it stood at a past instant: the case's own events up to it, folded by the same
 * code as the live case file. Who may read it is decided as for the live file, except that
 * evaluators, who look at any case as it stood on a past date, name it by its pseudonym and read it
 * pseudonymised.
 */
@Component
class CaseFileAsOfQueryHandler {

    private final EventStore events;
    private final CaseFileQueryHandler live;
    private final CasePseudonyms casePseudonyms;
    private final PseudonymisedCaseFile pseudonymised;
    private final StoredActor actors;

    CaseFileAsOfQueryHandler(EventStore events, CaseFileQueryHandler live, CasePseudonyms casePseudonyms,
                             Pseudonyms pseudonyms, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.events = events;
        this.live = live;
        this.casePseudonyms = casePseudonyms;
        this.pseudonymised = new PseudonymisedCaseFile(pseudonyms);
        this.actors = new StoredActor(eventSerializer);
    }

    @QueryHandler
    Optional<CaseFile> handle(FindCaseFileAsOf query) {
        if (query.viewer().is(Role.EVALUATOR)) {
            return casePseudonyms.caseIdOf(query.caseId())
                    .flatMap(caseId -> fold(caseId, query.asOf()))
                    .map(pseudonymised::of);
        }
        if (!live.mayRead(query.caseId(), query.viewer())) {
            return Optional.empty();
        }
        return fold(query.caseId(), query.asOf());
    }

    private Optional<CaseFile> fold(String caseId, Instant asOf) {
        CaseFileDocument file = new CaseFileDocument();
        // from the first event: the one-argument read starts at the latest snapshot, if one was ever taken,
        // which stands for the aggregate's state, not the case file's, and would hide every event before it
        DomainEventStream stream = events.readEvents(caseId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Instant at = message.getTimestamp();
            if (at.isAfter(asOf)) {
                break;
            }
            if (message.getPayload() instanceof FamilyCaseEvent event) {
                CaseFileEvents.apply(file, event, message.getSequenceNumber(), at, actors.of(message));
            }
        }
        return file.version < 0 ? Optional.empty() : Optional.of(file.toView());
    }
}
