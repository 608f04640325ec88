package pl.sciezka.platform.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.springboot.TimeoutProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Axon's unit-of-work limits, {@code axon.timeout.transaction.*}, kept by {@link UnitOfWorkTimeLimit} in
 * place of Axon's own interceptor (switched off with {@code axon.timeout.enabled=false} in sciezka-axon.yml,
 * which also leaves every handler untimed). Deadlines are not limited: nothing here schedules one.
 */
@AutoConfiguration
@EnableConfigurationProperties(TimeoutProperties.class)
public class UnitOfWorkTimeLimitConfiguration {

    @Bean
    ConfigurerModule unitOfWorkTimeLimits(TimeoutProperties properties) {
        TimeoutProperties.TransactionTimeoutProperties limits = properties.getTransaction();
        return configurer -> {
            configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, processor) ->
                    new UnitOfWorkTimeLimit("EventProcessor " + processor,
                            limits.getEventProcessor().getOrDefault(processor, limits.getEventProcessors())));
            // registered on start, as Axon does: asking for the buses while configuring would build them too early
            configurer.onStart(Integer.MIN_VALUE, () -> {
                Configuration axon = configurer.buildConfiguration();
                axon.commandBus().registerHandlerInterceptor(new UnitOfWorkTimeLimit(
                        axon.commandBus().getClass().getSimpleName(), limits.getCommandBus()));
                axon.queryBus().registerHandlerInterceptor(new UnitOfWorkTimeLimit(
                        axon.queryBus().getClass().getSimpleName(), limits.getQueryBus()));
            });
        };
    }
}
