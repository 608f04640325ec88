package pl.sciezka.query.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.MetadataKeys;
import pl.sciezka.api.audit.TimelineEntry;
import pl.sciezka.api.familycase.CoordinatorReassigned;
import pl.sciezka.api.familycase.DecisionReviewed;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.query.projection.ReadModelWriter;

/**
 * The audit trail: every event of a case with who, when, in which role and why, and decisions
 * across cases by day ({@link DecisionDayPart}). A review is attached to the entry it reviews, in both places.
 */
@Component
@ProcessingGroup(TimelineProjection.NAME)
class TimelineProjection {

    static final String NAME = "timeline";

    private final ReadModelWriter writer;
    private final MongoTemplate mongo;

    TimelineProjection(ReadModelWriter writer, MongoTemplate mongo) {
        this.writer = writer;
        this.mongo = mongo;
    }

    @EventHandler
    void on(FamilyCaseEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_ID) String actor,
            @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role) {
        TimelineDocument timeline = writer.find(TimelineDocument.class, event.caseId());
        if (timeline == null) {
            timeline = new TimelineDocument();
            timeline.caseId = event.caseId();
        }
        if (timeline.version >= sequence) {
            return;
        }
        EventSummaries.Summary summary = EventSummaries.of(event);
        TimelineEntry entry = new TimelineEntry(event.caseId(), eventId, sequence, event.getClass().getSimpleName(), at,
                actor, role, summary.text(), summary.reason(), summary.decision(), List.of());
        timeline.entries.add(entry);
        timeline.version = sequence;
        if (event instanceof FamilyCaseOpened opened) {
            timeline.coordinatorId = opened.coordinatorId();
        } else if (event instanceof CoordinatorReassigned reassigned) {
            timeline.coordinatorId = reassigned.coordinatorId();
        } else if (event instanceof DecisionReviewed review) {
            attach(timeline, review, actor, at);
        }
        writer.save(timeline);
        if (entry.decision()) {
            saveDecision(entry);
        }
    }

    private void attach(TimelineDocument timeline, DecisionReviewed review, String reviewer, Instant at) {
        TimelineEntry.Review verdict = new TimelineEntry.Review(review.reviewId(), review.verdict().code(),
                review.comment(), reviewer, at);
        for (int i = 0; i < timeline.entries.size(); i++) {
            TimelineEntry reviewed = timeline.entries.get(i);
            if (reviewed.eventId().equals(review.eventId())) {
                List<TimelineEntry.Review> reviews = new ArrayList<>(reviewed.reviews());
                reviews.add(verdict);
                TimelineEntry updated = new TimelineEntry(reviewed.caseId(), reviewed.eventId(), reviewed.sequence(),
                        reviewed.type(), reviewed.occurredAt(), reviewed.actor(), reviewed.role(), reviewed.summary(),
                        reviewed.reason(), reviewed.decision(), reviews);
                timeline.entries.set(i, updated);
                if (updated.decision()) {
                    saveDecision(updated);
                }
            }
        }
    }

    private void saveDecision(TimelineEntry entry) {
        LocalDate day = entry.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
        // shared by the cases whose decisions that day fall in the same part: field by field, never replaced whole
        writer.upsertEntry(DecisionDayPart.class, DecisionDayPart.idOf(day, entry.caseId()), "decisions", entry.eventId(), entry);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(TimelineDocument.class);
        mongo.dropCollection(DecisionDayPart.COLLECTION);
        mongo.dropCollection(DecisionDayPart.WHOLE_DAYS_COLLECTION);
    }
}
