package pl.sciezka.platform.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.Nonnull;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The meters Axon's Micrometer monitors keep for one component (command bus, event store, an event
 * processor, query bus), with the same names and tags, so dashboards and alerts read them unchanged:
 * by payload type the counters {@code ingested}, {@code processed}, {@code success}, {@code failure},
 * {@code ignored} (the event store's for all types together), the timers {@code all}, {@code success},
 * {@code failure}, {@code ignored} (with the same percentiles), {@code capacity}, and for processors the
 * {@code latency} of the last event.
 *
 * <p>Why not Axon's own: they look every meter up again for every message (a builder, a tag list and
 * a registry lookup per meter, and a warning about the gauge registered twice), and their capacity
 * keeps every message's duration for ten minutes. A profile of eight clients writing put them at about
 * a fifth of the command path's samples, as much as the append; here a payload type's meters are
 * registered once, and capacity is kept in {@link BusyTime}'s buckets.
 */
final class MessageMeters implements MessageMonitor<Message<?>> {

    /** What a component of a kind is measured by besides counters and timers, as Axon's monitors have it. */
    record Kind(boolean capacity, boolean latency, boolean countedByPayloadType) {
        /** The command bus, the query bus and its update emitter. */
        static final Kind HANDLER = new Kind(true, false, true);
        static final Kind PROCESSOR = new Kind(true, true, true);
        /** The event store, as an event bus: its counters, unlike its timers, are not by payload type. */
        static final Kind BUS = new Kind(false, false, false);
    }

    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final String prefix;
    private final Tags componentTags;
    private final Kind kind;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Class<?>, PayloadMeters> byPayloadType = new ConcurrentHashMap<>();
    private final AtomicLong latency = new AtomicLong();

    MessageMeters(String prefix, Tags componentTags, Kind kind, MeterRegistry registry) {
        this.prefix = prefix;
        this.componentTags = componentTags;
        this.kind = kind;
        this.registry = registry;
        this.clock = registry.config().clock();
        if (kind.latency()) {
            Gauge.builder(prefix + ".latency", latency, AtomicLong::get).tags(componentTags).register(registry);
        }
    }

    @Override
    public MonitorCallback onMessageIngested(@Nonnull Message<?> message) {
        PayloadMeters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::register);
        meters.ingested.increment();
        if (kind.latency() && message instanceof EventMessage<?> event) {
            latency.set(clock.wallTime() - event.getTimestamp().toEpochMilli());
        }
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.processed.increment();
                meters.success.increment();
                meters.handled(clock.monotonicTime() - start, meters.successTimer);
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.processed.increment();
                meters.failure.increment();
                meters.handled(clock.monotonicTime() - start, meters.failureTimer);
            }

            @Override
            public void reportIgnored() {
                meters.ignored.increment();
                meters.handled(clock.monotonicTime() - start, meters.ignoredTimer);
            }
        };
    }

    private PayloadMeters register(Class<?> payloadType) {
        Tags tags = componentTags.and("payloadType", payloadType.getSimpleName());
        return new PayloadMeters(this, tags);
    }

    private Counter counter(String name, Tags tags) {
        return registry.counter(prefix + "." + name, kind.countedByPayloadType() ? tags : componentTags);
    }

    private Timer timer(String name, Tags tags) {
        return Timer.builder(prefix + "." + name)
                .distributionStatisticExpiry(WINDOW)
                .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999)
                .tags(tags)
                .register(registry);
    }

    private static final class PayloadMeters {
        final Counter ingested;
        final Counter processed;
        final Counter success;
        final Counter failure;
        final Counter ignored;
        final Timer allTimer;
        final Timer successTimer;
        final Timer failureTimer;
        final Timer ignoredTimer;
        final BusyTime busy;

        PayloadMeters(MessageMeters component, Tags tags) {
            ingested = component.counter("ingestedCounter", tags);
            processed = component.counter("processedCounter", tags);
            success = component.counter("successCounter", tags);
            failure = component.counter("failureCounter", tags);
            ignored = component.counter("ignoredCounter", tags);
            allTimer = component.timer("allTimer", tags);
            successTimer = component.timer("successTimer", tags);
            failureTimer = component.timer("failureTimer", tags);
            ignoredTimer = component.timer("ignoredTimer", tags);
            if (component.kind.capacity()) {
                busy = new BusyTime(WINDOW, component.clock);
                Gauge.builder(component.prefix + ".capacity", busy, BusyTime::share).tags(tags)
                        .register(component.registry);
            } else {
                busy = null;
            }
        }

        void handled(long nanos, Timer outcome) {
            allTimer.record(nanos, TimeUnit.NANOSECONDS);
            outcome.record(nanos, TimeUnit.NANOSECONDS);
            if (busy != null) {
                busy.add(nanos);
            }
        }
    }
}
