package pl.sciezka.query.projection;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models' processors (those in {@code axon.eventhandling.processors}) run their batches without
 * a JDBC transaction. A read model and its tracking token are both in MongoDB, so the transaction
 * guarded nothing, while it held one of the pool's connections for the whole batch: commands waited
 * for connections that projections held, and more so when projections run in the background
 * ({@code BackgroundPriority}). What a projection still reads from the database (personal-data keys)
 * takes a connection per statement; the dead-letter queue one per operation ({@code OneConnectionDeadLetterQueue}).
 */
@Configuration(proxyBeanMethods = false)
class ReadModelTransactionConfiguration {

    @Bean
    ConfigurerModule readModelBatchesHoldNoConnection(EventProcessorProperties processors) {
        return configurer -> processors.getProcessors().keySet().forEach(name -> configurer.eventProcessing()
                .registerTransactionManager(name, configuration -> NoTransactionManager.INSTANCE));
    }
}
