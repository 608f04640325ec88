package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The read models' batches hold no JDBC connection (ReadModelTransactionConfiguration): their state and
 * tokens are in MongoDB, and commands waited for the connections the batches held.
 */
class ReadModelTransactionsTest extends EmbeddedApplicationTest {

    private static final List<String> READ_MODELS =
            List.of("case-file", "caseload", "timeline", "outcomes", "pseudonyms", "network", "cohort-cells");

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyReadModelRunsWithoutAJdbcTransactionAndKeepsItsDeadLetterQueue() {
        assertThat(READ_MODELS).allSatisfy(name -> {
            assertThat(processing.eventProcessor(name)).as(name).isPresent();
            assertThat(processing.transactionManager(name)).as(name).isSameAs(NoTransactionManager.INSTANCE);
            assertThat(processing.deadLetterQueue(name)).as(name).isPresent();
        });
    }
}
