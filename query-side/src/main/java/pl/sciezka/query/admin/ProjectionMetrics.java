package pl.sciezka.query.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * Per projection, how many events it is behind the store's head ({@code sciezka_projection_lag_events})
 * and how many wait in its dead-letter queue ({@code sciezka_projection_dead_letters}), for the
 * dashboard and alerts. One status read serves every gauge of a scrape: reading the head costs a query.
 * The gauges are made from the processors' names alone, so an event store that cannot be reached
 * (Axon Server down) leaves them empty (NaN) instead of stopping the application from starting.
 */
@Component
class ProjectionMetrics implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final Projections projections;
    private final EventProcessingConfiguration processing;
    private Map<String, ProjectionStatus> snapshot = Map.of();
    private boolean taken;
    private long takenAt;

    ProjectionMetrics(Projections projections, EventProcessingConfiguration processing) {
        this.projections = projections;
        this.processing = processing;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        List<String> names = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(EventProcessor::getName)
                .toList();
        for (String name : names) {
            gauge(registry, "sciezka.projection.lag", name, "events", "Events stored but not yet applied",
                    status -> status.lag());
            gauge(registry, "sciezka.projection.dead.letters", name, null, "Events waiting in the dead-letter queue",
                    status -> status.deadLetters());
        }
    }

    private void gauge(MeterRegistry registry, String metric, String projection, String unit, String description,
                       ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(metric, this, metrics -> {
                    ProjectionStatus status = metrics.statuses().get(projection);
                    return status == null ? Double.NaN : value.applyAsDouble(status);
                })
                .tag("projection", projection)
                .baseUnit(unit)
                .description(description)
                .register(registry);
    }

    private synchronized Map<String, ProjectionStatus> statuses() {
        long now = System.nanoTime();
        if (!taken || now - takenAt > FRESH_FOR.toNanos()) {
            try {
                snapshot = projections.all().stream().collect(Collectors.toMap(ProjectionStatus::name, status -> status));
            } catch (RuntimeException storeUnreachable) {
                snapshot = Map.of();
            }
            taken = true;
            takenAt = now;
        }
        return snapshot;
    }
}
