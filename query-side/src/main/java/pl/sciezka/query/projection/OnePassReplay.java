package pl.sciezka.query.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.GenericResultMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

/**
 * Replays the events into several projections at once. Each event is read and deserialised once, and
 * every projection takes the events in batches of {@code eventsPerBatch}, each batch one unit of work
 * whose read-model changes are written at its end, exactly as a processor's batch is
 * ({@link FlushAtEndOfBatch}). A processor's own batches are cut at a hundred events, because a batch
 * under a burst of commands must end within Axon's transaction timeout; a rebuild has no burst to
 * wait behind, and a larger batch writes each document once for all of its case's events in it,
 * instead of once per hundred events of the store. The projections take their batches in order,
 * each on its own, on as many threads as there are cores, so a slow projection does not hold up
 * the others by more than {@link #AHEAD} batches. What a projection holds over the whole pass
 * ({@link EndOfPass}) is written after its last batch.
 * <p>
 * The handlers are the processors' own invokers, dead-letter queue included: an event a handler
 * cannot take is parked for its case exactly as in the processor's replay. Anything else that fails
 * (a batch's write, the write at the pass's end) ends the pass for that projection alone.
 */
public final class OnePassReplay {

    /**
     * What the handling of every event answers, made once: given anything else, the unit of work makes a result
     * message of it at each event, which maps the unit of work's correlation data into metadata (5 % of a pass's
     * samples, for an answer nothing reads but to see that it is not an exception).
     */
    private static final ResultMessage<Object> HANDLED = new GenericResultMessage<>(new GenericMessage<>(
            IdentifierFactory.getInstance().generateIdentifier(), Object.class, null, MetaData.emptyInstance()));

    /** How many batches the reading may be ahead of the slowest projection: what the pass holds in memory. */
    static final int AHEAD = 2;

    /**
     * One projection: its processor's name, handlers, and the interceptors its processor runs around each
     * event (among them {@link FlushAtEndOfBatch}, which writes the batch at its last event).
     */
    public record Projection(String name, EventHandlerInvoker handlers,
                             List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors,
                             ClassValue<List<Invoker>> invokersByType,
                             Map<Class<?>, EndOfBatch.Held> heldForThePass) {

        public Projection(String name, EventHandlerInvoker handlers,
                          List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors) {
            this(name, handlers, interceptors, invokersByType(leaves(handlers)), new LinkedHashMap<>());
        }

        /** Writes what the projection's handlers held over the whole pass ({@link EndOfPass}), after its last batch. */
        void endPass() {
            for (EndOfBatch.Held held : heldForThePass.values()) {
                held.flush();
            }
        }

        /**
         * The invokers that take events of this payload type, asked of Axon once per type: Axon answers by
         * streaming over every handler of every invoker, which at every event of a pass was 3 % of its threads'
         * CPU and 8 % of what they allocated. A {@link MultiEventHandlerInvoker} is opened into its delegates,
         * because it asks each of them at every event whether it supports a reset (a stream over each of its
         * handlers again, 4 % of the threads' samples), though the answer never changes.
         */
        List<Invoker> invokers(Class<?> payloadType) {
            return invokersByType.get(payloadType);
        }

        /**
         * Kept by the payload classes themselves ({@link ClassValue}): in a map, the lookups of a type's invokers,
         * two per event and projection, were 3.6 % of a pass's samples.
         */
        private static ClassValue<List<Invoker>> invokersByType(List<EventHandlerInvoker> leaves) {
            return new ClassValue<>() {
                @Override
                protected List<Invoker> computeValue(Class<?> type) {
                    return leaves.stream().filter(invoker -> invoker.canHandleType(type))
                            .map(invoker -> new Invoker(invoker, invoker.supportsReset())).toList();
                }
            };
        }

        /**
         * The events of the batch that any of its invokers takes, in order. Every event would otherwise pass through
         * the processor's unit of work and interceptors to be turned away at the end: the pseudonyms take one event
         * of a case's thirty-odd, the network a few kinds. The batch's changes are still written at its last event
         * taken, and a batch with none is skipped whole, as nothing in it can change the read model.
         */
        List<TrackedEventMessage<?>> taken(List<TrackedEventMessage<?>> batch) {
            List<TrackedEventMessage<?>> taken = new ArrayList<>(batch.size());
            for (TrackedEventMessage<?> event : batch) {
                if (!invokers(event.getPayloadType()).isEmpty()) {
                    taken.add(event);
                }
            }
            return taken;
        }

        private static List<EventHandlerInvoker> leaves(EventHandlerInvoker invoker) {
            return invoker instanceof MultiEventHandlerInvoker multi
                    ? multi.delegates().stream().flatMap(delegate -> leaves(delegate).stream()).toList()
                    : List.of(invoker);
        }

        /**
         * The processor's handlers and interceptors, but for Axon's timeout, which is for a processor's
         * batches under a burst of commands (a warning after 10 s, interrupted after 60 s): the pass's
         * batches are larger by design, and nothing waits behind them.
         */
        public static Projection of(AbstractEventProcessor processor) {
            return new Projection(processor.getName(), processor.eventHandlerInvoker(),
                    processor.getHandlerInterceptors().stream()
                            .filter(interceptor -> !(interceptor instanceof UnitOfWorkTimeoutInterceptor)).toList());
        }
    }

    /** An invoker of a projection with what it answers of a reset, which is fixed when it is made. */
    record Invoker(EventHandlerInvoker invoker, boolean supportsReset) {

        /** As {@link MultiEventHandlerInvoker#handle} hands an event to each of its delegates. */
        void handle(EventMessage<?> event) throws Exception {
            if ((supportsReset || !ReplayToken.isReplay(event)) && invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                invoker.handle(event, Segment.ROOT_SEGMENT);
            }
        }
    }

    private final int eventsPerBatch;

    public OnePassReplay(int eventsPerBatch) {
        if (eventsPerBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one event, not " + eventsPerBatch);
        }
        this.eventsPerBatch = eventsPerBatch;
    }

    /**
     * What a pass did: the token of the last event it handed, null if there was none, and the
     * projections that failed with why; a projection that failed took no batch after the failed one.
     */
    public record Outcome(TrackingToken last, Map<String, Throwable> failed) {
    }

    /**
     * Hands the stream's events to the projections until the stream has no more available or an event
     * reaches {@code until} (null: no bound), telling {@code afterBatch} the token of each batch's last
     * event once every projection has written the batch or failed; returns after the last of those calls,
     * and after every projection that did not fail has written what it held over the pass.
     * A failed projection leaves the others going; the pass ends early only if every one has failed, or if
     * reading the events fails.
     */
    public Outcome run(List<Projection> projections, BlockingStream<TrackedEventMessage<?>> events,
                       TrackingToken until, Consumer<TrackingToken> afterBatch) throws Exception {
        if (projections.isEmpty()) {
            return new Outcome(null, Map.of());
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(
                Math.min(projections.size(), Runtime.getRuntime().availableProcessors()), task -> {
                    Thread thread = new Thread(task, "projection-rebuild-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            return run(projections, events, until, afterBatch, workers);
        } finally {
            workers.shutdownNow();
        }
    }

    private Outcome run(List<Projection> projections, BlockingStream<TrackedEventMessage<?>> events,
                        TrackingToken until, Consumer<TrackingToken> afterBatch, ExecutorService workers)
            throws Exception {
        List<CompletableFuture<Void>> written = new ArrayList<>(); // per batch: every projection is done with it
        List<CompletableFuture<Void>> latest = new ArrayList<>(); // per projection: its last batch
        projections.forEach(projection -> latest.add(CompletableFuture.completedFuture(null)));
        TrackingToken last = null;
        List<TrackedEventMessage<?>> batch = new ArrayList<>(eventsPerBatch);
        while ((until == null || last == null || !last.covers(until)) && events.hasNextAvailable()
                && !latest.stream().allMatch(CompletableFuture::isCompletedExceptionally)) {
            TrackedEventMessage<?> event = events.nextAvailable();
            // deserialised here, once, for every projection's thread
            event.getPayload();
            event.getMetaData();
            batch.add(event);
            last = event.trackingToken();
            if (batch.size() == eventsPerBatch) {
                submit(projections, batch, last, latest, written, workers, afterBatch);
                batch = new ArrayList<>(eventsPerBatch);
                if (written.size() > AHEAD) {
                    written.get(written.size() - 1 - AHEAD).get();
                }
            }
        }
        if (!batch.isEmpty()) {
            submit(projections, batch, last, latest, written, workers, afterBatch);
        }
        for (int i = 0; i < projections.size(); i++) {
            latest.set(i, latest.get(i).thenRunAsync(projections.get(i)::endPass, workers));
        }
        CompletableFuture.allOf(settled(latest)).get();
        // the reports, not only the batches: the caller acts on the pass's end, and a report run after it would undo that
        CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get();
        Map<String, Throwable> failed = new LinkedHashMap<>();
        for (int i = 0; i < projections.size(); i++) {
            try {
                latest.get(i).join();
            } catch (CompletionException failure) {
                failed.put(projections.get(i).name(), failure.getCause());
            }
        }
        return new Outcome(last, failed);
    }

    /** Each projection takes the batch after its previous one; one that has failed skips it. */
    private static void submit(List<Projection> projections, List<TrackedEventMessage<?>> batch, TrackingToken last,
                               List<CompletableFuture<Void>> latest, List<CompletableFuture<Void>> written,
                               ExecutorService workers, Consumer<TrackingToken> afterBatch) {
        for (int i = 0; i < projections.size(); i++) {
            Projection projection = projections.get(i);
            latest.set(i, latest.get(i).thenRunAsync(() -> handle(projection, batch), workers));
        }
        written.add(CompletableFuture.allOf(settled(latest)).thenRun(() -> afterBatch.accept(last)));
    }

    /** Futures that complete when these do, failed or not. */
    private static CompletableFuture<?>[] settled(List<CompletableFuture<Void>> futures) {
        return futures.stream().map(future -> future.exceptionally(failure -> null)).toArray(CompletableFuture[]::new);
    }

    /** One projection's batch, in a unit of work of its own, each event through its processor's interceptors. */
    private static void handle(Projection projection, List<TrackedEventMessage<?>> batch) {
        List<TrackedEventMessage<?>> taken = projection.taken(batch);
        if (taken.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(taken);
        unitOfWork.resources().put(EndOfPass.RESOURCE, projection.heldForThePass());
        ResultMessage<Object> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(
                unitOfWork, projection.interceptors(), event -> {
                    for (Invoker invoker : projection.invokers(event.getPayloadType())) {
                        invoker.handle(event);
                    }
                    return HANDLED;
                }).proceed(), RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new CompletionException(result.exceptionResult());
        }
    }
}
