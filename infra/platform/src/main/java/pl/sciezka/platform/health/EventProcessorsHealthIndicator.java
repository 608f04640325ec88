package pl.sciezka.platform.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * DOWN while any event processor is stopped or in error (a segment failing and retrying), so a
 * readiness probe takes an instance whose views have stopped moving out of the load balancer.
 * Replaying, catching up or holding no segment (another instance has them) is UP: the views are
 * still being built.
 */
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        super("Event processor health check failed");
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> details = new TreeMap<>();
        boolean healthy = true;
        for (EventProcessor processor : processing.eventProcessors().values()) {
            boolean inError = inError(processor);
            healthy &= processor.isRunning() && !inError;
            details.put(processor.getName(), detail(processor, inError));
        }
        (healthy ? builder.up() : builder.down()).withDetails(details);
    }

    private static boolean inError(EventProcessor processor) {
        return processor.isError() || processor instanceof StreamingEventProcessor streaming
                && streaming.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }

    private static Map<String, Object> detail(EventProcessor processor, boolean inError) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("running", processor.isRunning());
        detail.put("error", inError);
        if (processor instanceof StreamingEventProcessor streaming) {
            detail.put("segmentsClaimed", streaming.processingStatus().size());
        }
        return detail;
    }
}
