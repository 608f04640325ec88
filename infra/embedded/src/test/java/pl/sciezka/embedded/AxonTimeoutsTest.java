package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.springboot.TimeoutProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Handlers run untimed and units of work timed (sciezka-axon.yml): Axon's per-handler clock takes a
 * stack trace on every event an aggregate is loaded from and every event a projection handles. A
 * projection's batch, which runs in the background in the embedded default, is interrupted only after an hour.
 */
class AxonTimeoutsTest extends EmbeddedApplicationTest {

    @Autowired
    TimeoutProperties timeouts;

    @Test
    void handlersAreUntimedAndUnitsOfWorkTimed() {
        TimeoutProperties.MessageHandlerTimeoutProperties handlers = timeouts.getHandler();
        assertThat(List.of(handlers.getEvents(), handlers.getCommands(), handlers.getQueries(),
                handlers.getDeadlines())).allSatisfy(handler -> {
                    assertThat(handler.getTimeoutMs()).isNegative();
                    assertThat(handler.getWarningThresholdMs()).isNegative();
                });
        assertThat(timeouts.getTransaction().getCommandBus().getTimeoutMs()).isPositive();
        // projections run in the background here: a batch waiting for the CPU warns but is not interrupted soon
        assertThat(timeouts.getTransaction().getEventProcessors().getTimeoutMs()).isGreaterThanOrEqualTo(3_600_000);
        assertThat(timeouts.getTransaction().getEventProcessors().getWarningThresholdMs()).isEqualTo(10_000);
    }
}
