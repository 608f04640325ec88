package pl.sciezka.platform.writes;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Writes that survive retries and races: {@code Idempotency-Key} and {@code If-Match} on the command
 * side, and lost races on the event store recognised as such. Ordered before the Axon
 * auto-configurations that look for these beans: InterceptorAutoConfiguration registers every command
 * handler interceptor bean with the command bus, JdbcAutoConfiguration brings its own exception
 * resolver unless there is one.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = {
                "org.axonframework.springboot.autoconfig.InterceptorAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration"})
public class WriteSafetyConfiguration {

    /** Axon uses a CommandTargetResolver bean for every aggregate. */
    @Bean
    CommandTargetResolver expectedVersionTargetResolver() {
        return new ExpectedVersionTargetResolver();
    }

    @Bean
    @Order(2)
    PreconditionInterceptor preconditionInterceptor() {
        return new PreconditionInterceptor();
    }

    /**
     * Where events are stored over JDBC. Keys are kept beside the events, in the same transaction, so
     * only here; with Axon Server as the event store there is no such transaction, and ids derived
     * from the key still make a repeated request a conflict (409) rather than a second case.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    static class Jdbc {

        @Bean
        PersistenceExceptionResolver uniqueViolationResolver() {
            return new UniqueViolationResolver();
        }

        /** First of the two, so that a repeat is answered before anything else looks at it. */
        @Bean
        @Order(1)
        IdempotencyInterceptor idempotencyInterceptor(DataSource dataSource, Serializer serializer) {
            return new IdempotencyInterceptor(new IdempotencyRecords(dataSource), serializer);
        }
    }
}
