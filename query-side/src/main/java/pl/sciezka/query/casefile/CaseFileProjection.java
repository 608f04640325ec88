package pl.sciezka.query.casefile;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import pl.sciezka.api.MetadataKeys;
import pl.sciezka.api.casefile.CaseFile;
import pl.sciezka.api.familycase.FamilyCaseEvent;

/**
 * Keeps one case file per case. Delivery is at least once, so an event whose sequence number the
 * stored file has already reached is skipped: a redelivery or a replay changes nothing.
 */
@Component
@ProcessingGroup(CaseFileProjection.NAME)
class CaseFileProjection {

    static final String NAME = "case-file";

    private final CaseFileRepository files;

    CaseFileProjection(CaseFileRepository files) {
        this.files = files;
    }

    @EventHandler
    void on(FamilyCaseEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        CaseFile current = files.findById(event.caseId()).map(CaseFileDocument::caseFile).orElse(null);
        if (current != null && current.version() >= sequence) {
            return;
        }
        CaseFile next = CaseFileEvolution.evolve(current, event, sequence, at, actorId);
        files.save(new CaseFileDocument(next.caseId(), next));
    }

    @ResetHandler
    void reset() {
        files.deleteAll();
    }
}
