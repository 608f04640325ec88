package pl.sciezka.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon's message metrics, kept by {@link MessageMeters} instead of Axon's own monitors (which
 * {@code axon.metrics.auto-configuration.enabled: false} in sciezka-axon.yml turns off): the same
 * meters, registered once per component and payload type.
 */
@AutoConfiguration
public class MessageMetricsConfiguration {

    /** One monitor per component, however often Axon asks for it (a meter is registered once). */
    @Bean
    ConfigurerModule messageMetrics(ObjectProvider<MeterRegistry> registries) {
        Map<String, MessageMonitor<Message<?>>> components = new ConcurrentHashMap<>();
        return configurer -> configurer.configureMessageMonitor(configuration -> (type, name) ->
                components.computeIfAbsent(type.getName() + "/" + name,
                        key -> monitorOf(type, name, registries.getIfAvailable())));
    }

    private static MessageMonitor<Message<?>> monitorOf(Class<?> type, String name, MeterRegistry registry) {
        if (registry == null) {
            return NoOpMessageMonitor.instance();
        }
        if (EventProcessor.class.isAssignableFrom(type)) {
            return new MessageMeters("eventProcessor", Tags.of("processorName", name), MessageMeters.Kind.PROCESSOR,
                    registry);
        }
        if (CommandBus.class.isAssignableFrom(type) || QueryBus.class.isAssignableFrom(type)
                || QueryUpdateEmitter.class.isAssignableFrom(type)) {
            return new MessageMeters(name, Tags.empty(), MessageMeters.Kind.HANDLER, registry);
        }
        if (EventBus.class.isAssignableFrom(type)) {
            return new MessageMeters(name, Tags.empty(), MessageMeters.Kind.BUS, registry);
        }
        return NoOpMessageMonitor.instance();
    }
}
