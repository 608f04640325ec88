package pl.sciezka.platform.scheduling;

import java.util.concurrent.ThreadFactory;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import pl.sciezka.platform.eventstore.EventStoreConfiguration;

/**
 * The event store Axon would configure, with one difference: the thread that reads events ahead for
 * the projections that are behind runs in the background too ({@link BackgroundPriority}). In a
 * burst of commands that is exactly when it works hardest, and it took a third as much CPU as the
 * threads answering the commands. Only with the JDBC event store and {@code sciezka.projections.background}.
 */
@AutoConfiguration(after = EventStoreConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnProperty(name = "sciezka.projections.background", havingValue = "true")
public class BackgroundEventStoreConfiguration {

    @Bean(name = "eventBus")
    @ConditionalOnBean(EventStorageEngine.class)
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  BackgroundPriority background) {
        ThreadFactory axonThreads = new AxonThreadFactory("EmbeddedEventStore");
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .threadFactory(work -> axonThreads.newThread(() -> {
                    background.applyToCurrentThread();
                    work.run();
                }))
                .build();
    }
}
