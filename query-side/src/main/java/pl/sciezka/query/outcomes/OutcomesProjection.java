package pl.sciezka.query.outcomes;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.query.projection.ReadModelWriter;
import pl.sciezka.query.pseudonyms.Pseudonyms;

/** Keeps each case's outcome facts; an event the document has already seen (by sequence) is skipped. */
@Component
@ProcessingGroup(OutcomesProjection.NAME)
class OutcomesProjection {

    static final String NAME = "outcomes";

    private final ReadModelWriter writer;
    private final MongoTemplate mongo;
    private final Pseudonyms pseudonyms;

    OutcomesProjection(ReadModelWriter writer, MongoTemplate mongo, Pseudonyms pseudonyms) {
        this.writer = writer;
        this.mongo = mongo;
        this.pseudonyms = pseudonyms;
    }

    @EventHandler
    void on(FamilyCaseEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OutcomeDocument outcome = writer.find(OutcomeDocument.class, event.caseId());
        if (outcome == null) {
            outcome = new OutcomeDocument();
            outcome.caseId = event.caseId();
        }
        if (outcome.version >= sequence) {
            return;
        }
        if (event instanceof FamilyCaseOpened opened) {
            outcome.pseudonym = pseudonyms.of("case", opened.caseId());
        }
        OutcomeFacts.apply(outcome, event, at);
        outcome.version = sequence;
        writer.save(outcome);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(OutcomeDocument.class);
    }
}
