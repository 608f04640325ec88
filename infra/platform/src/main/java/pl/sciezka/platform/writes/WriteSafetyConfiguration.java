package pl.sciezka.platform.writes;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes that survive races: lost races on the event store recognised as such. Ordered before Axon's
 * JdbcAutoConfiguration, which brings its own exception resolver unless there is one.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
public class WriteSafetyConfiguration {

    /** Where events are stored over JDBC. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    static class Jdbc {

        @Bean
        PersistenceExceptionResolver uniqueViolationResolver() {
            return new UniqueViolationResolver();
        }
    }
}
