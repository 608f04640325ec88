package pl.sciezka.query.segments;

import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Shares each projection's segments evenly among the live query-side instances. Axon's pooled
 * processor claims every segment nobody holds, so the first instance up would keep them all and a
 * second one would idle; here each instance, every {@link QueryInstances#HEARTBEAT}, releases what it
 * holds beyond its fair share (segments divided by live instances, rounded up), and the others claim
 * it. A killed instance stops beating before its claims time out, so by the time its segments are
 * free the survivors' fair share already includes them. At the same beat it follows the other instances'
 * rebuilds ({@link SharedRebuilds#follow}) and takes over any cut short ({@link AbandonedRebuilds}). Only where
 * {@code sciezka.projections.balance-segments=true} (the query-side service); the embedded default is one instance.
 */
@Component
@ConditionalOnProperty(name = "sciezka.projections.balance-segments", havingValue = "true")
class SegmentBalancer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final QueryInstances instances;
    private final SharedRebuilds rebuilds;
    private final AbandonedRebuilds abandoned;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "segment-balancer");
        thread.setDaemon(true);
        return thread;
    });

    SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokens, QueryInstances instances,
                    SharedRebuilds rebuilds, AbandonedRebuilds abandoned) {
        this.processing = processing;
        this.tokens = tokens;
        this.instances = instances;
        this.rebuilds = rebuilds;
        this.abandoned = abandoned;
    }

    /** Once the processors run, so an instance is counted live only when it can take segments over. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long period = QueryInstances.HEARTBEAT.toMillis();
        timer.scheduleWithFixedDelay(this::balanceSafely, 0, period, TimeUnit.MILLISECONDS);
    }

    private void balanceSafely() {
        try {
            int live = instances.beatAndCountLive();
            rebuilds.follow(processing);
            abandoned.takeOver();
            processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .forEach(processor -> balance(processor, live));
        } catch (RuntimeException e) { // MongoDB away for a moment: try again at the next beat
            log.warn("Could not balance projection segments: {}", e.toString());
        }
    }

    private void balance(StreamingEventProcessor processor, int live) {
        int total = tokens.fetchSegments(processor.getName()).length;
        int fairShare = (total + live - 1) / Math.max(1, live);
        processor.processingStatus().keySet().stream()
                .sorted(Comparator.reverseOrder())
                .skip(fairShare)
                .forEach(segment -> {
                    log.info("Releasing segment {} of {} to another instance ({} live, fair share {})",
                            segment, processor.getName(), live, fairShare);
                    // long enough for another instance's next claim round, short enough to take it back if none does
                    processor.releaseSegment(segment, QueryInstances.RELEASE.toMillis(), TimeUnit.MILLISECONDS);
                });
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        instances.leave();
    }
}
