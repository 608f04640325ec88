package pl.sciezka.platform.personaldata;

import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The personal-data key store wherever there is a JDBC database (the event store's), and the handler
 * that erases a subject when an {@link pl.sciezka.api.personaldata.ErasesDataSubject} event is stored.
 * Without a database (profile {@code axonserver}) there is no key store: personal data is then refused
 * on write, never stored in plaintext.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnSingleCandidate(DataSource.class)
public class PersonalDataConfiguration {

    /**
     * {@code key-cache-ttl} bounds how long another process may still decrypt after an erasure (this
     * process forgets the key at once); a replay looks each subject's key up once per period.
     */
    @Bean
    PersonalDataKeys personalDataKeys(DataSource dataSource, PlatformTransactionManager transactions,
                                      @Value("${sciezka.personal-data.key-cache-ttl:PT5M}") Duration cacheTimeToLive,
                                      @Value("${sciezka.personal-data.key-cache-size:10000}") int cacheSize) {
        return new PersonalDataKeys(dataSource, transactions, cacheTimeToLive, cacheSize);
    }

    @Bean
    ErasureHandler personalDataErasureHandler(PersonalDataKeys keys) {
        return new ErasureHandler(keys);
    }

    /** Axon's default for a handler's failure is to log it and go on; an erasure that fails must fail its command. */
    @Bean
    ConfigurerModule personalDataErasureProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(ErasureHandler.PROCESSING_GROUP)
                // it sees every event in the command's own thread and ignores all but erasures: metrics
                // of that cost a command more than the handler does
                .registerMessageMonitorFactory(ErasureHandler.PROCESSING_GROUP,
                        (configuration, type, name) -> NoOpMessageMonitor.instance())
                .registerListenerInvocationErrorHandler(ErasureHandler.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
