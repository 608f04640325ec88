package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import pl.sciezka.platform.axon.UnitOfWorkTimeLimit;

/**
 * Handlers run untimed and units of work timed (sciezka-axon.yml), by Ścieżka's clock rather than Axon's:
 * Axon's take a stack trace whenever they start. A projection's batch, which runs in the background in
 * the embedded default, is interrupted only after an hour.
 */
class AxonTimeoutsTest extends EmbeddedApplicationTest {

    @Autowired
    TimeoutProperties timeouts;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ApplicationContext context;

    @Test
    void handlersAreUntimedAndUnitsOfWorkTimedByOurClock() {
        assertThat(context.getBeanNamesForType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
        assertThat(processing.eventProcessors().values()).isNotEmpty().allSatisfy(processor ->
                assertThat(((AbstractEventProcessor) processor).getHandlerInterceptors())
                        .filteredOn(UnitOfWorkTimeoutInterceptor.class::isInstance)
                        .singleElement().isInstanceOf(UnitOfWorkTimeLimit.class));
        assertThat(timeouts.getTransaction().getCommandBus().getTimeoutMs()).isPositive();
        // projections run in the background here: a batch waiting for the CPU warns but is not interrupted soon
        assertThat(timeouts.getTransaction().getEventProcessors().getTimeoutMs()).isGreaterThanOrEqualTo(3_600_000);
        assertThat(timeouts.getTransaction().getEventProcessors().getWarningThresholdMs()).isEqualTo(10_000);
    }
}
