package pl.sciezka.query.admin;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A rebuild cut short by the death of its instance, anywhere from the reset to the tokens set after the
 * pass: its mark is still there ({@link RebuildMarkers}). Its read model may be emptied while its tokens
 * still stand where they stood before (a death between the reset's two writes), or be partly rebuilt
 * while they replay from the first event. Looked for just before the processors start; once the
 * application is ready, those projections are rebuilt again in one pass ({@link ProjectionRebuilds}),
 * which resets them once more, so whatever their processors did in between is emptied too.
 * <p>
 * Only where this instance is the only one (the embedded default): with other query instances
 * ({@link OtherInstances}) a mark may be another instance's rebuild under way; there a marked projection
 * that no live instance rebuilds is taken over at a heartbeat ({@code AbandonedRebuilds}).
 */
@Component
class InterruptedRebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRebuilds.class);

    private final EventProcessingConfiguration processing;
    private final ProjectionRebuilds rebuilds;
    private final RebuildMarkers markers;
    private final ObjectProvider<OtherInstances> otherInstances;
    private final List<String> found = new ArrayList<>();
    private volatile boolean running;

    InterruptedRebuilds(EventProcessingConfiguration processing, ProjectionRebuilds rebuilds, RebuildMarkers markers,
                        ObjectProvider<OtherInstances> otherInstances) {
        this.processing = processing;
        this.rebuilds = rebuilds;
        this.markers = markers;
        this.otherInstances = otherInstances;
    }

    /** Before the processors start, so that none goes on from tokens a cut-short reset left behind. */
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
        try {
            // a mark of a projection this version no longer has is left as it is
            markers.marked().stream()
                    .filter(name -> processing.eventProcessor(name, StreamingEventProcessor.class).isPresent())
                    .sorted().forEach(found::add);
        } catch (RuntimeException unreadable) { // the application still starts and takes commands
            log.warn("Could not read which rebuilds were cut short ({}); if the last run died during a rebuild,"
                    + " ask for it again", unreadable.toString());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildAgain() {
        if (found.isEmpty()) {
            return;
        }
        log.info("Rebuilding {} again in one pass: an earlier rebuild ended before it set their tokens", found);
        rebuilds.rebuild(found.stream().map(name -> processing
                .eventProcessor(name, StreamingEventProcessor.class).orElseThrow()).toList());
        found.clear();
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
