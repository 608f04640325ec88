package pl.sciezka.query.segments;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.query.admin.ProjectionRebuilds;
import pl.sciezka.query.admin.RebuildMarkers;

/**
 * With other query instances, the counterpart of the embedded default's {@code InterruptedRebuilds}: a
 * projection whose rebuild was cut short (its mark still there, {@link RebuildMarkers}) and which no live
 * instance rebuilds, because the one that did died or its reset failed, is rebuilt here. Its read model may
 * be emptied while its tokens stand where they stood; started again from those, the processors would go on
 * over the empty view. Looked at every heartbeat ({@link SegmentBalancer}); of two instances that see it at
 * once, the claim lets one rebuild ({@link SharedRebuilds#claim}), and the other is refused and leaves it.
 * The rebuild runs on a thread of its own: its reset waits for the other instances to let the projection's
 * segments go, longer than a heartbeat.
 */
@Component
@ConditionalOnProperty(name = "sciezka.projections.balance-segments", havingValue = "true")
class AbandonedRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AbandonedRebuilds.class);

    private final EventProcessingConfiguration processing;
    private final RebuildMarkers markers;
    private final SharedRebuilds shared;
    private final ProjectionRebuilds rebuilds;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "abandoned-rebuilds");
        thread.setDaemon(true);
        return thread;
    });

    AbandonedRebuilds(EventProcessingConfiguration processing, RebuildMarkers markers, SharedRebuilds shared,
                      ProjectionRebuilds rebuilds) {
        this.processing = processing;
        this.markers = markers;
        this.shared = shared;
        this.rebuilds = rebuilds;
    }

    /** Starts rebuilding what was left cut short, unless a rebuild of that kind runs here already. */
    void takeOver() {
        if (rebuilding.get()) {
            return;
        }
        Set<String> marked = markers.marked();
        if (marked.isEmpty()) { // nearly always: then no second read of the rebuild entries follow() has just read
            return;
        }
        List<StreamingEventProcessor> left = shared.notRebuiltByAnother(marked).stream().sorted()
                .filter(name -> !rebuilds.isUnderWay(name))
                .map(name -> processing.eventProcessor(name, StreamingEventProcessor.class))
                .flatMap(Optional::stream).toList();
        if (left.isEmpty() || !rebuilding.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            List<String> names = left.stream().map(StreamingEventProcessor::getName).toList();
            try {
                log.warn("Rebuilding {} again: a rebuild of them was cut short and no live instance runs it", names);
                rebuilds.rebuild(left);
            } catch (RejectedException takenByAnother) {
                log.info("Another instance took the rebuild of {} first", names);
            } catch (RuntimeException failed) { // tried again at a later heartbeat, the marks being still there
                log.warn("Could not rebuild {} again: {}", names, failed.toString());
            } finally {
                rebuilding.set(false);
            }
        });
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
