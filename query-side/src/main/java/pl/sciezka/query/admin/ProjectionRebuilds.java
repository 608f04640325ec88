package pl.sciezka.query.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import pl.sciezka.query.projection.OnePassReplay;

/**
 * Rebuilds projections from the events. A request stops the projection's processor (on every
 * query-side instance), empties its dead-letter queue and resets its tokens, whose reset handlers
 * empty the read model; then one background pass ({@link OnePassReplay}) hands every stored event to
 * all the projections waiting for a rebuild, and their processors go on from the last event it
 * handed. Projections asked for while a pass runs wait for the next pass, which takes them all.
 * <p>
 * Nothing is lost if the pass fails: the projections it failed for are reset again, and their processors,
 * started again, replay the events themselves into emptied read models. Replaying over what the pass had
 * written would not do: a projection may hold some of its writes to the pass's end ({@code EndOfPass}).
 * If that second reset fails too, the projection keeps its mark and is rebuilt at the next start. If the
 * instance dies from the reset until the tokens are set after the pass, the
 * projection's mark ({@link RebuildMarkers}) has it rebuilt again: at the next start where this instance is
 * the only one ({@link InterruptedRebuilds}), by a live instance otherwise ({@code AbandonedRebuilds}).
 * While the pass runs another instance is kept from starting the projections ({@link OtherInstances#keepStopped}).
 */
@Component
public class ProjectionRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    /** Well within the two minutes after which other instances count a claim as abandoned. */
    private static final Duration RENEW_CLAIMS = Duration.ofSeconds(20);

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ObjectProvider<OtherInstances> otherInstances;
    private final RebuildMarkers markers;
    private final OnePassReplay replay;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    /** Whose pass failed and who could not be reset again: their marks stay, for the next start to rebuild them. */
    private final Set<String> keepMarked = ConcurrentHashMap.newKeySet();
    /** Reset and waiting for a pass; guarded by this. */
    private final Set<String> waiting = new LinkedHashSet<>();
    /** From the request until the processor runs again: the position the pass has written up to, -1 before. */
    private final Map<String, Long> underWay = new ConcurrentHashMap<>();
    private volatile boolean closing;

    /**
     * @param eventsPerBatch how many events each projection takes per unit of work in the pass: at 300,000
     *                       events, batches of 2,000 took a fifth to a third less CPU than batches of 10,000,
     *                       whose documents and events the collector copied over and over (a third of the
     *                       pass's CPU); at 30,000 the larger batches were as fast or faster
     */
    ProjectionRebuilds(EventProcessingConfiguration processing, EventStore events,
                       ObjectProvider<OtherInstances> otherInstances, RebuildMarkers markers,
                       @Value("${sciezka.projections.rebuild.batch-events:2000}") int eventsPerBatch) {
        this.processing = processing;
        this.events = events;
        this.otherInstances = otherInstances;
        this.markers = markers;
        this.replay = new OnePassReplay(eventsPerBatch);
    }

    /**
     * Resets each processor and queues it for the next pass; answers once they are reset, the pass goes
     * on in the background. A projection already being rebuilt is left as it is: its pass replays every
     * event from the first, which is all a second request could ask. Refused, with nothing stopped, while
     * another instance rebuilds any of them ({@link OtherInstances#claim}).
     */
    public synchronized void rebuild(List<StreamingEventProcessor> processors) {
        List<StreamingEventProcessor> toReset = processors.stream()
                .filter(processor -> !underWay.containsKey(processor.getName())).toList();
        otherInstances.ifAvailable(others -> claim(others, toReset));
        // stopped together: each takes about half a second to let go of its segments
        CompletableFuture.allOf(toReset.stream().map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
        try {
            for (int i = 0; i < toReset.size(); i++) {
                try {
                    reset(toReset.get(i));
                } catch (RuntimeException failed) {
                    // the one that failed keeps its mark: its read model may be emptied with its tokens as they were
                    toReset.subList(i, toReset.size()).forEach(notReset -> startAgain(notReset.getName()));
                    throw failed;
                }
            }
        } finally {
            worker.execute(this::replayWaiting); // whatever was reset gets its pass
        }
    }

    /** Claims every one before any is stopped, so that a refusal leaves them all running as they were. */
    private static void claim(OtherInstances others, List<StreamingEventProcessor> processors) {
        List<String> claimed = new ArrayList<>();
        try {
            for (StreamingEventProcessor processor : processors) {
                others.claim(processor.getName());
                claimed.add(processor.getName());
            }
        } catch (RuntimeException refused) {
            claimed.forEach(others::resume);
            throw refused;
        }
    }

    private void reset(StreamingEventProcessor processor) {
        String name = processor.getName();
        otherInstances.ifAvailable(others -> others.awaitStopped(name));
        markers.mark(name);
        emptied(name);
        underWay.put(name, -1L);
        waiting.add(name);
    }

    /** Its dead letters, read model and tokens reset, while its processor is stopped. */
    private void emptied(String name) {
        processing.deadLetterQueue(name).ifPresent(SequencedDeadLetterQueue::clear);
        processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow().resetTokens();
        // the reset stored the tokens under this instance's claim; free, so that the processors of a restart
        // after a death in the pass can claim them at once instead of after the claim's timeout
        TokenStore tokens = processing.tokenStore(name);
        for (int segment : tokens.fetchSegments(name)) {
            tokens.releaseClaim(name, segment);
        }
    }

    /**
     * Whose pass failed, emptied again for its processor to replay the events into; kept marked if that fails.
     * Left alone if another instance has taken its rebuild over (a pass stopped by a refused renewal): that
     * instance has reset it for a pass of its own.
     */
    private void resetAfterFailedPass(String name) {
        OtherInstances others = otherInstances.getIfAvailable();
        if (others != null && others.leftToAnother(name)) {
            return;
        }
        try {
            emptied(name);
        } catch (RuntimeException failed) {
            keepMarked.add(name);
            log.warn("{} could not be reset again after its pass failed; it is rebuilt at the next start", name, failed);
        }
    }

    /** Whether this instance rebuilds the projection now, from the request until its processor runs again. */
    public boolean isUnderWay(String name) {
        return underWay.containsKey(name);
    }

    /** The position a rebuild under way has written its projection up to (-1 before its first batch); empty if none is. */
    OptionalLong position(String name) {
        Long position = underWay.get(name);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    private void replayWaiting() {
        List<String> names;
        synchronized (this) {
            names = new ArrayList<>(waiting);
            waiting.clear();
        }
        if (names.isEmpty()) {
            return;
        }
        List<OnePassReplay.Projection> projections = new ArrayList<>();
        long started = System.nanoTime();
        try {
            names.forEach(name -> projection(name).ifPresent(projections::add));
            if (projections.isEmpty()) {
                return;
            }
            TrackingToken head = events.createHeadToken();
            OnePassReplay.Outcome outcome;
            OtherInstances others = otherInstances.getIfAvailable();
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null);
                 ClaimRenewal claims = others == null ? null : ClaimRenewal.start(others,
                         () -> List.copyOf(underWay.keySet()), RENEW_CLAIMS, Thread.currentThread())) {
                outcome = replay.run(projections, stream, head, token -> reached(names, token));
            }
            outcome.failed().forEach((name, why) -> log.warn(
                    "The one-pass rebuild of {} failed; its processor replays the events itself", name, why));
            outcome.failed().keySet().forEach(this::resetAfterFailedPass);
            List<String> rebuilt = projections.stream().map(OnePassReplay.Projection::name)
                    .filter(name -> !outcome.failed().containsKey(name)).toList();
            if (outcome.last() != null) {
                rebuilt.forEach(name -> continueFrom(name, outcome.last()));
            }
            log.info("Rebuilt {} in one pass up to {} in {} ms", rebuilt, outcome.last(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (Exception failed) {
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("The one-pass rebuild of {} stopped; their processors replay the events themselves", names, failed);
            if (!closing) {
                names.forEach(this::resetAfterFailedPass);
            }
        } finally {
            projections.forEach(projection -> projection.handlers().segmentReleased(Segment.ROOT_SEGMENT));
            if (!closing) {
                names.forEach(this::ended);
            }
        }
    }

    /** The projection's tokens say where its processor goes on, whether after the pass or replaying by itself. */
    private void ended(String name) {
        try {
            if (!keepMarked.remove(name)) {
                markers.clear(name);
            }
        } finally {
            startAgain(name);
        }
    }

    /**
     * The projection's handlers for the pass, if its processor is a pooled one, as every read model's is; any
     * other kind (a tracking processor's interceptors expect a segment of its own) replays the events itself.
     */
    private Optional<OnePassReplay.Projection> projection(String name) {
        return processing.eventProcessor(name, PooledStreamingEventProcessor.class).map(OnePassReplay.Projection::of);
    }

    /** Every segment goes on from the pass's last event, still replaying if that is short of where the reset found the store. */
    private void continueFrom(String name, TrackingToken last) {
        TokenStore tokens = processing.tokenStore(name);
        for (int segment : tokens.fetchSegments(name)) {
            TrackingToken atReset = tokens.fetchToken(name, segment); // claims the segment for this instance
            try {
                tokens.storeToken(ReplayToken.createReplayToken(atReset, last), name, segment);
            } finally {
                tokens.releaseClaim(name, segment);
            }
        }
    }

    /**
     * Starts the projection's processor again and frees the claim; but if another instance has taken the claim
     * over (a pass stopped by a refused renewal) and rebuilds it, the processor waits for that rebuild's end.
     */
    private void startAgain(String name) {
        try {
            OtherInstances others = otherInstances.getIfAvailable();
            if (others != null && others.leftToAnother(name)) {
                log.warn("Another instance rebuilds {} now; it starts here again once that rebuild is done", name);
                return;
            }
            processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(StreamingEventProcessor::start);
            if (others != null) {
                others.resume(name);
            }
        } finally {
            underWay.remove(name);
        }
    }

    /** Records how far the pass has written; called on the pass's threads as its batches are written. */
    private void reached(List<String> names, TrackingToken token) {
        long position = token.position().orElse(-1);
        // only while under way: an entry put back after the processor started again would show it replaying for ever
        names.forEach(name -> underWay.computeIfPresent(name, (rebuilt, before) -> Math.max(before, position)));
    }

    @Override
    public void destroy() {
        closing = true;
        worker.shutdownNow();
    }
}
