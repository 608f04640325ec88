package pl.sciezka.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import pl.sciezka.query.projection.BatchEquivalence;
import pl.sciezka.query.projection.FamilyHistory;
import pl.sciezka.query.projection.ReadModelWriter;

/** Timelines and the parts of each day's decisions, which cases share, are the same one per batch or a hundred. */
class TimelineBatchTest {

    @Test
    void fullBatchesLeaveTheSameTimelinesAndDecisionsAsOneEventPerBatch() {
        var documents = BatchEquivalence.assertSameDocuments(TimelineProjection.NAME,
                mongo -> new TimelineProjection(new ReadModelWriter(mongo), mongo),
                FamilyHistory.of(7), List.of("timelines", DecisionDayPart.COLLECTION));
        assertThat(documents.get("timelines")).hasSize(7)
                .allSatisfy(timeline -> assertThat(timeline.getList("entries", Document.class)).hasSize(10));
        // each case's diagnosis (its fourth event) is a reviewed decision, in whichever day it fell
        long reviewed = documents.get(DecisionDayPart.COLLECTION).stream()
                .flatMap(day -> day.get("decisions", Document.class).values().stream())
                .map(decision -> (Document) decision)
                .filter(decision -> !decision.getList("reviews", Document.class).isEmpty()).count();
        assertThat(reviewed).isEqualTo(7);
    }
}
