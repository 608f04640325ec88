package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A projection dead-letters an event with one pool connection: with every other connection taken, the
 * letter is still stored. Axon's queue alone needed a second one while it held the first, so segments
 * dead-lettering together emptied the pool and waited on each other until their batches timed out.
 * And inside a projection's batch the queue gives its connection back after each call instead of
 * holding it until the batch ends: sixteen segments of seven projections, each holding one while it
 * waited for another to decrypt an event, emptied the query service's pool (ScaleOutIT).
 */
class DeadLetterConnectionsTest extends EmbeddedApplicationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    DataSource dataSource;

    @Test
    void insideABatchTheQueueGivesItsConnectionBackAfterEachCall() throws Exception {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(PoisonProjection.NAME).orElseThrow();
        List<Connection> taken = new ArrayList<>();
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event in a batch"));
        try {
            for (int i = 1; i < ((HikariDataSource) dataSource).getMaximumPoolSize(); i++) {
                taken.add(dataSource.getConnection());
            }
            assertThat(queue.amountOfSequences()).isNotNegative();
            assertThat(queue.contains("no-such-sequence-" + UUID.randomUUID())).isFalse();
            // what a handler of the same batch then needs, say a personal-data key: the last connection
            CompletableFuture.runAsync(() -> assertThat(jdbc.queryForObject("select 1", Integer.class)).isEqualTo(1))
                    .get(10, TimeUnit.SECONDS);
        } finally {
            batch.rollback();
            for (Connection connection : taken) {
                connection.close();
            }
        }
    }

    @Test
    void aLetterIsStoredWithTheLastFreeConnection() throws Exception {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(PoisonProjection.NAME).orElseThrow();
        String sequence = "one-connection-" + UUID.randomUUID();
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 1; i < ((HikariDataSource) dataSource).getMaximumPoolSize(); i++) {
                taken.add(dataSource.getConnection());
            }
            CompletableFuture.runAsync(() -> queue.enqueue(sequence,
                    new GenericDeadLetter<>(sequence, GenericEventMessage.asEventMessage("an event that failed"))))
                    .get(20, TimeUnit.SECONDS);
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        try {
            assertThat(queue.contains(sequence)).isTrue();
            assertThat(queue.sequenceSize(sequence)).isEqualTo(1);
        } finally {
            jdbc.update("delete from dead_letter_entry where sequence_identifier = ?", sequence);
        }
    }
}
