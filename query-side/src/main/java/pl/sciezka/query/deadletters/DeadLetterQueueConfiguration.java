package pl.sciezka.query.deadletters;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projections' dead-letter queues as Axon's Spring Boot support would make them (for every
 * processor with {@code dlq.enabled}), each enqueue in one transaction ({@link OneConnectionDeadLetterQueue}).
 * Axon's own provider steps back when this one is present. Without a database (the {@code axonserver}
 * profile) there is no JDBC queue, as with Axon's provider.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterQueueConfiguration {

    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties processors, ObjectProvider<ConnectionProvider> database,
            TransactionManager transactions, ObjectProvider<DeadLetterSchema> schemas,
            @Qualifier("eventSerializer") Serializer eventSerializer, Serializer genericSerializer) {
        ConnectionProvider connections = database.getIfAvailable();
        DeadLetterSchema schema = schemas.getIfAvailable(DeadLetterSchema::defaultSchema);
        return new DeadLetterQueueProviderConfigurerModule(processors, processingGroup -> connections == null ? null
                : configuration -> new OneConnectionDeadLetterQueue(JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(processingGroup)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema)
                        .genericSerializer(genericSerializer)
                        .eventSerializer(eventSerializer), transactions));
    }
}
