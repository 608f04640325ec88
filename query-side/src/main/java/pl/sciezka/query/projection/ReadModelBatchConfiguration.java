package pl.sciezka.query.projection;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Batches every event processor's read-model writes; harmless for a processor whose handlers do not use them. */
@Configuration(proxyBeanMethods = false)
class ReadModelBatchConfiguration {

    @Bean
    ConfigurerModule flushReadModelsAtEndOfBatch() {
        FlushAtEndOfBatch flush = new FlushAtEndOfBatch();
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> flush);
    }

    @Bean
    HandlerEnhancerDefinition eventStepsOfReadModelBatches() {
        return new EventStepEnhancer();
    }
}
