package pl.sciezka.query.admin;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/** The streaming event processors behind the read models: their status, and rebuilding one from the events. */
@Component
public class Projections {

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ProjectionRebuilds rebuilds;

    public Projections(EventProcessingConfiguration processing, EventStore events, ProjectionRebuilds rebuilds) {
        this.processing = processing;
        this.events = events;
        this.rebuilds = rebuilds;
    }

    public List<ProjectionStatus> all() {
        long head = position(events.createHeadToken()).orElse(-1);
        return processors().stream()
                .map(processor -> status(processor, head, processing.deadLetterQueue(processor.getName())))
                .sorted(Comparator.comparing(ProjectionStatus::name))
                .toList();
    }

    public Optional<ProjectionStatus> one(String name) {
        return all().stream().filter(status -> status.name().equals(name)).findFirst();
    }

    /**
     * Rebuilds the projection from the first event ({@link ProjectionRebuilds}). Answers once its read
     * model is emptied, so the status read next already shows the rebuild; the replay goes on in the background.
     */
    public boolean rebuild(String name) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(name, StreamingEventProcessor.class);
        processor.ifPresent(found -> rebuilds.rebuild(List.of(found)));
        return processor.isPresent();
    }

    /** Rebuilds every projection in one pass over the events: each event is read once for all of them. */
    public void rebuildAll() {
        rebuilds.rebuild(processors());
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    /** The events waiting in the projection's dead-letter queue, oldest sequence first; empty if it has no queue. */
    public Optional<List<DeadLetterEntry>> deadLetters(String name) {
        if (processing.eventProcessor(name, StreamingEventProcessor.class).isEmpty()) {
            return Optional.empty();
        }
        List<DeadLetterEntry> entries = new java.util.ArrayList<>();
        processing.deadLetterQueue(name).ifPresent(queue -> queue.deadLetters().forEach(sequence ->
                sequence.forEach(letter -> entries.add(entry(letter)))));
        return Optional.of(entries);
    }

    /**
     * Hands every waiting sequence back to the projection's handlers, once: a sequence that now goes
     * through leaves the queue, one that fails again stays. Empty if there is no such projection.
     */
    public Optional<ProjectionStatus> retryDeadLetters(String name) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> retrier = processing.sequencedDeadLetterProcessor(name);
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(name);
        if (retrier.isPresent() && queue.isPresent()) {
            long sequences = queue.get().amountOfSequences();
            for (long tried = 0; tried < sequences && retrier.get().processAny(); tried++) {
                // each successful round takes one sequence out of the queue
            }
        }
        return one(name);
    }

    private static DeadLetterEntry entry(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> inStream ? inStream : null;
        return new DeadLetterEntry(event.getIdentifier(), event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), letter.enqueuedAt(), letter.lastTouched(),
                letter.cause().map(Cause::type).orElse(null), letter.cause().map(Cause::message).orElse(null));
    }

    /** While a rebuild's pass runs, the processor is stopped and the pass's position is the projection's. */
    private ProjectionStatus status(StreamingEventProcessor processor, long head,
                                    Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetters) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        OptionalLong rebuilt = rebuilds.position(processor.getName());
        long position = rebuilt.isPresent() ? rebuilt.getAsLong() : segments.isEmpty() ? -1 : segments.stream()
                .mapToLong(segment -> position(segment.getCurrentPosition().isPresent()
                        ? segment.getTrackingToken() : null).orElse(-1))
                .min().orElse(-1);
        return new ProjectionStatus(processor.getName(), processor.isRunning(),
                rebuilt.isPresent() || segments.stream().anyMatch(Projections::behindItsResetPoint),
                rebuilt.isEmpty() && !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp),
                processor.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState),
                position, head, Math.max(0, head - position), segments.size(),
                deadLetters.map(SequencedDeadLetterQueue::size).orElse(0L),
                deadLetters.map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L));
    }

    /**
     * Axon keeps a segment's replay token until an event beyond the reset point arrives; for the
     * people waiting on a rebuild it is over once the segment has reached the point it was reset at.
     */
    private static boolean behindItsResetPoint(EventTrackerStatus segment) {
        return segment.isReplaying()
                && segment.getCurrentPosition().orElse(-1) < segment.getResetPosition().orElse(Long.MAX_VALUE);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
