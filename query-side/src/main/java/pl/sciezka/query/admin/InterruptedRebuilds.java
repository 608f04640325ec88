package pl.sciezka.query.admin;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A rebuild whose pass died with its instance: the projection's tokens are still as the reset left them
 * (replaying from the first event, no event handled), and its processor would replay the whole store
 * the slow way, a processor at a time. Looked for just before the processors start; once the
 * application is ready, those projections are rebuilt again in one pass ({@link ProjectionRebuilds}),
 * which resets them once more, so whatever their processors did in between is emptied too.
 * <p>
 * Only where this instance is the only one (the embedded default): with other query instances
 * ({@link OtherInstances}) two of them starting at once could both find the tokens so and run two
 * passes over one read model; there the others' processors take the replay over once the dead
 * instance's rebuild entry is abandoned.
 */
@Component
class InterruptedRebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRebuilds.class);

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ProjectionRebuilds rebuilds;
    private final ObjectProvider<OtherInstances> otherInstances;
    private final List<String> found = new ArrayList<>();
    private volatile boolean running;

    InterruptedRebuilds(EventProcessingConfiguration processing, EventStore events, ProjectionRebuilds rebuilds,
                        ObjectProvider<OtherInstances> otherInstances) {
        this.processing = processing;
        this.events = events;
        this.otherInstances = otherInstances;
        this.rebuilds = rebuilds;
    }

    /** Before the processors start, so that none has moved its tokens yet. */
    @Override
    public int getPhase() {
        return Phase.INBOUND_EVENT_CONNECTORS - 1;
    }

    @Override
    public void start() {
        running = true;
        if (otherInstances.getIfAvailable() != null) {
            return;
        }
        processing.eventProcessors().forEach((name, processor) -> {
            try {
                if (processor instanceof PooledStreamingEventProcessor && leftAsReset(name)) {
                    found.add(name);
                }
            } catch (RuntimeException unreadable) { // the processor then replays by itself, as it always could
                log.warn("Could not tell whether a rebuild of {} was cut short: {}", name, unreadable.toString());
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildAgain() {
        if (found.isEmpty()) {
            return;
        }
        log.info("Rebuilding {} again in one pass: an earlier pass ended before it set their tokens", found);
        rebuilds.rebuild(found.stream().map(name -> processing
                .eventProcessor(name, StreamingEventProcessor.class).orElseThrow()).toList());
        found.clear();
    }

    /** Every segment's token replays from the first event and has handled none; false if another instance holds one. */
    private boolean leftAsReset(String name) {
        TokenStore tokens = processing.tokenStore(name);
        int[] segments = tokens.fetchSegments(name);
        if (segments.length == 0) {
            return false;
        }
        TrackingToken first = events.createTailToken(); // where a reset starts: before the first event
        for (int segment : segments) {
            TrackingToken token;
            try {
                token = tokens.fetchToken(name, segment);
                tokens.releaseClaim(name, segment);
            } catch (UnableToClaimTokenException claimedElsewhere) {
                return false;
            }
            if (!(token instanceof ReplayToken) || !unmoved(WrappedToken.unwrapLowerBound(token), first)) {
                return false;
            }
        }
        return true;
    }

    private static boolean unmoved(TrackingToken current, TrackingToken first) {
        return current == null || first != null && first.covers(current);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
