package pl.sciezka.query.deadletters;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projections' dead-letter queues as Axon's Spring Boot support would make them (for every
 * processor with {@code dlq.enabled}), each enqueue in one transaction ({@link OneConnectionDeadLetterQueue}),
 * and each call taking a pool connection for itself alone. Axon's connection provider ties a connection
 * taken inside a unit of work to that unit, so a projection's batch that asked the queue anything held
 * a connection until the batch ended; in the query service, with sixteen segments of seven projections,
 * enough batches held one each while they waited for another (a personal-data key to decrypt an event)
 * that the pool was empty, the batches timed out, and the interrupts dead-lettered events that were
 * fine. Axon's own provider steps back when this one is present. Without a database (the
 * {@code axonserver} profile) there is no JDBC queue, as with Axon's provider.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterQueueConfiguration {

    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties processors, ObjectProvider<DataSource> database,
            TransactionManager transactions, ObjectProvider<DeadLetterSchema> schemas,
            @Qualifier("eventSerializer") Serializer eventSerializer, Serializer genericSerializer) {
        DataSource dataSource = database.getIfUnique();
        // Spring's: inside a transaction (an enqueue's) its connection, else one per call, given back after
        ConnectionProvider connections = dataSource == null ? null : new SpringDataSourceConnectionProvider(dataSource);
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
