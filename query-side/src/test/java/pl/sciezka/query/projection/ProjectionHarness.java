package pl.sciezka.query.projection;

import java.time.Duration;
import java.util.List;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import pl.sciezka.api.familycase.FamilyCaseEvent;

/**
 * A projection run as the application runs it: a pooled streaming processor of one segment with a
 * sequenced dead-letter queue, the read-model batch's interceptor and handler enhancer, over an
 * in-memory event store. Events are stored before the processor starts, so batches are full.
 */
public final class ProjectionHarness implements AutoCloseable {

    private final String processor;
    private final EventStore events;
    private final TokenStore tokens;
    private final SequencedDeadLetterQueue<EventMessage<?>> deadLetters = InMemorySequencedDeadLetterQueue.defaultQueue();
    private final Configuration configuration;

    public ProjectionHarness(String processor, int batchSize, Object projection) {
        this(processor, batchSize, projection, new InMemoryTokenStore());
    }

    /** A harness that goes on from where another stopped: give it that one's {@link #tokens()} and the same events. */
    public ProjectionHarness(String processor, int batchSize, Object projection, TokenStore tokens) {
        this.processor = processor;
        this.tokens = tokens;
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerHandlerEnhancerDefinition(c -> new EventStepEnhancer());
        PooledStreamingProcessorConfiguration pooled = (c, builder) -> builder.batchSize(batchSize)
                .initialSegmentCount(1).tokenClaimInterval(100);
        configurer.eventProcessing()
                .registerTokenStore(c -> tokens)
                .registerPooledStreamingEventProcessor(processor, c -> c.eventStore(), pooled)
                .registerEventHandler(c -> projection)
                .registerDeadLetterQueue(processor, c -> deadLetters)
                .registerDefaultHandlerInterceptor((c, name) -> new FlushAtEndOfBatch());
        configuration = configurer.buildConfiguration();
        events = configuration.eventStore();
    }

    /** Stores one event of a case with the given sequence number; call before {@link #start()} for full batches. */
    public void store(FamilyCaseEvent event, long sequence) {
        store(new GenericDomainEventMessage<>("FamilyCase", event.caseId(), sequence, event));
    }

    public void store(DomainEventMessage<?> message) {
        events.publish(List.of(message));
    }

    public void start() {
        configuration.start();
    }

    /** Waits until the segment's stored token covers every event stored so far. */
    public void awaitCaughtUp(Duration patience) {
        TrackingToken head = events.createHeadToken();
        long until = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < until) {
            TrackingToken stored = tokens.fetchToken(processor, 0);
            if (stored != null && stored.covers(head)) {
                return;
            }
            sleep(20);
        }
        throw new AssertionError(processor + " did not catch up; token " + tokens.fetchToken(processor, 0));
    }

    /** The processor's handlers and interceptors, for a rebuild's pass; the processor itself need not run. */
    public OnePassReplay.Projection replayed() {
        return OnePassReplay.Projection.of(configuration.eventProcessingConfiguration()
                .eventProcessor(processor, AbstractEventProcessor.class).orElseThrow());
    }

    /** Where a rebuild finds the processor, its tokens and its dead letters. */
    public EventProcessingConfiguration processing() {
        return configuration.eventProcessingConfiguration();
    }

    public EventStore eventStore() {
        return events;
    }

    /** Every stored event from the first, as a rebuild's pass reads them. */
    public BlockingStream<TrackedEventMessage<?>> allEvents() {
        return events.openStream(null);
    }

    public TrackingToken head() {
        return events.createHeadToken();
    }

    public TokenStore tokens() {
        return tokens;
    }

    public TrackingToken storedToken() {
        return tokens.fetchToken(processor, 0);
    }

    public SequencedDeadLetterQueue<EventMessage<?>> deadLetters() {
        return deadLetters;
    }

    /** Retries every dead-lettered sequence once, as an administrator's retry does. */
    public void retryDeadLetters() {
        var retrying = configuration.eventProcessingConfiguration().sequencedDeadLetterProcessor(processor).orElseThrow();
        long sequences = deadLetters.amountOfSequences();
        for (long i = 0; i < sequences; i++) {
            retrying.processAny();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}
