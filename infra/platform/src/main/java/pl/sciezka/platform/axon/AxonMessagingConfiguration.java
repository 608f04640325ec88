package pl.sciezka.platform.axon;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import pl.sciezka.api.MetadataKeys;
import pl.sciezka.platform.personaldata.PersonalDataKeys;
import pl.sciezka.platform.personaldata.PersonalDataModule;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** How commands and events travel and what they carry. */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class AxonMessagingConfiguration {

    /**
     * Copies the audit metadata of a command (who, role, correlation, idempotency key) onto every
     * event it causes. Replaces Axon's MessageOriginProvider, whose "correlationId" is really the
     * causing message's id: here that is {@link MetadataKeys#CAUSATION_ID}, and the correlation id is
     * the one of the request that started it all.
     */
    @Bean
    CorrelationDataProvider auditMetadataProvider() {
        return outsideEventHandling(new SimpleCorrelationDataProvider(MetadataKeys.ACTOR_ID, MetadataKeys.ACTOR_ROLE,
                MetadataKeys.CORRELATION_ID, MetadataKeys.IDEMPOTENCY_KEY));
    }

    @Bean
    CorrelationDataProvider causationProvider() {
        return outsideEventHandling(message -> Map.of(MetadataKeys.CAUSATION_ID, message.getIdentifier()));
    }

    /**
     * Nothing for an event being handled. Axon asks the providers for every event each processor handles,
     * to stamp the result message it wraps each handler's return in, and messages the handler would send;
     * here event handlers are projections and send nothing, so that was a map built and thrown away per
     * event and projection (8 % of a rebuild's pass). A handler that sends a command from an event (a
     * saga) must put who and why on it itself.
     */
    static CorrelationDataProvider outsideEventHandling(CorrelationDataProvider provider) {
        return message -> message instanceof EventMessage<?> ? Map.of() : provider.correlationDataFor(message);
    }

    /**
     * Two requests racing on one case both load version n and append n+1; the event store refuses
     * the second with a transient concurrency error. Retrying loads the new state and checks the
     * rules again, so the loser either succeeds or gets the rule's own refusal.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                // a rule's refusal is final; only a lost race is worth another try
                .retryScheduler(new LostRaceRetryScheduler(retries, AxonMessagingConfiguration::causedByConcurrency, 6, 20))
                .build();
    }

    /**
     * Axon's query bus as its auto-configuration makes it, but for the JDBC transaction it wraps around every
     * query handler: a query writes nothing to the database, while the transaction held a pool connection for
     * the whole query, and the read audit ({@code ReadAudit}), which must commit whatever the answer was,
     * would have needed a second one at the same time (enough reads at once could then take the pool and
     * wait on each other). What a query reads from the database takes a connection per statement or batch.
     * Axon Server brings its own query bus, with no database behind it.
     */
    @Bean
    @Qualifier("localSegment")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    SimpleQueryBus queryBus(Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.INSTANCE)
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    private static boolean causedByConcurrency(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stored events are read leniently, so an event written by a newer version still replays. Axon's
     * tokens carry polymorphic fields (a ReplayToken's reset context is typed {@code Object}), which
     * Jackson 3 refuses to resolve unless the allowed classes are named: Axon's, ours, and the JDK's
     * value types.
     * <p>
     * Personal data ({@code @PersonalData} components) is encrypted per data subject on the way in and
     * decrypted on the way out, so erasing a person needs no stored event rewritten. Axon applies only
     * the first customizer bean it finds, to all its Jackson 3 serialisers; this is the one, and any
     * further setting belongs here.
     */
    @Bean
    Jackson3SerializerCustomizer axonJson(ObjectProvider<PersonalDataKeys> personalDataKeys) {
        return builder -> builder
                .addModule(new PersonalDataModule(personalDataKeys.getIfAvailable()))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .allowIfSubType("pl.sciezka.")
                        .allowIfSubType("java.lang.")
                        .allowIfSubType("java.util.")
                        .allowIfSubType("java.time.")
                        .build());
    }
}
