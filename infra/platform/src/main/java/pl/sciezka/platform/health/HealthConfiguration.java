package pl.sciezka.platform.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Health of the part Boot does not know, Axon's event processors, as {@code eventProcessors}; the
 * readiness group includes it (management.endpoint.health.group.readiness in application.yml).
 */
@AutoConfiguration
public class HealthConfiguration {

    @Bean
    EventProcessorsHealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        return new EventProcessorsHealthIndicator(processing);
    }
}
