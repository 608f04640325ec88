package pl.sciezka.query.timeline;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import pl.sciezka.api.audit.TimelineEntry;

/** One audit trail per case, looked up by its id, with the coordinator who may read it. */
@Document("timelines")
class TimelineDocument {

    @Id
    String caseId;
    String coordinatorId;
    long version = -1;
    List<TimelineEntry> entries = new ArrayList<>();
}
