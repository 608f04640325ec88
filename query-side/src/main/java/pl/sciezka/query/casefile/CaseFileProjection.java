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
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.query.projection.ReadModelWriter;

/**
 * Keeps one case file per case. Delivery is at least once, so an event whose sequence number the
 * stored file has already reached is skipped: a redelivery or a replay changes nothing.
 */
@Component
@ProcessingGroup(CaseFileProjection.NAME)
class CaseFileProjection {

    static final String NAME = "case-file";

    private final ReadModelWriter writer;
    private final CaseFileRepository files;

    CaseFileProjection(ReadModelWriter writer, CaseFileRepository files) {
        this.writer = writer;
        this.files = files;
    }

    @EventHandler
    void on(FamilyCaseEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        CaseFileDocument file = writer.find(CaseFileDocument.class, event.caseId());
        if (file == null) {
            file = new CaseFileDocument();
        }
        if (file.version >= sequence) {
            return;
        }
        CaseFileEvents.apply(file, event, sequence, at, actorId);
        writer.save(file);
    }

    @ResetHandler
    void reset() {
        files.deleteAll();
    }
}
