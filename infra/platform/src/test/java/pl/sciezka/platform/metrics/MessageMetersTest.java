package pl.sciezka.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

/**
 * The meters Axon's dashboards and alerts read, kept as Axon's monitors keep them: counted and timed
 * per payload type by outcome, the processor's latency of its last event, and capacity as the share of
 * the window spent handling; and registered once, not per message.
 */
class MessageMetersTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    record OpenCase(String caseId) {
    }

    record CaseOpened(String caseId) {
    }

    @Test
    void countsAndTimesEachOutcomePerPayloadType() {
        MessageMeters commands = new MessageMeters("commandBus", Tags.empty(), MessageMeters.Kind.HANDLER, registry);
        handle(commands, new GenericCommandMessage<>(new OpenCase("c1")), Duration.ofMillis(30), Outcome.SUCCESS);
        handle(commands, new GenericCommandMessage<>(new OpenCase("c2")), Duration.ofMillis(10), Outcome.SUCCESS);
        handle(commands, new GenericCommandMessage<>(new OpenCase("c3")), Duration.ofMillis(5), Outcome.FAILURE);

        Tags open = Tags.of("payloadType", "OpenCase");
        assertThat(registry.get("commandBus.ingestedCounter").tags(open).counter().count()).isEqualTo(3);
        assertThat(registry.get("commandBus.processedCounter").tags(open).counter().count()).isEqualTo(3);
        assertThat(registry.get("commandBus.successCounter").tags(open).counter().count()).isEqualTo(2);
        assertThat(registry.get("commandBus.failureCounter").tags(open).counter().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.allTimer").tags(open).timer().count()).isEqualTo(3);
        assertThat(registry.get("commandBus.allTimer").tags(open).timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(45);
        assertThat(registry.get("commandBus.successTimer").tags(open).timer().max(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(30);
        // 45 ms busy in a window of ten minutes
        assertThat(registry.get("commandBus.capacity").tags(open).gauge().value()).isEqualTo(45.0 / 600_000);
    }

    @Test
    void aProcessorTagsItsNameAndReportsTheLatencyOfItsLastEventAndWhatItIgnored() {
        MessageMeters processor = new MessageMeters("eventProcessor", Tags.of("processorName", "case-file"),
                MessageMeters.Kind.PROCESSOR, registry);
        clock.add(Duration.ofDays(1));
        Instant stored = Instant.ofEpochMilli(clock.wallTime()).minusMillis(1_500);
        handle(processor, new GenericEventMessage<>(new GenericEventMessage<>(new CaseOpened("c1")), () -> stored),
                Duration.ofMillis(2), Outcome.IGNORED);

        Tags opened = Tags.of("processorName", "case-file", "payloadType", "CaseOpened");
        assertThat(registry.get("eventProcessor.ignoredCounter").tags(opened).counter().count()).isEqualTo(1);
        assertThat(registry.get("eventProcessor.processedCounter").tags(opened).counter().count()).isZero();
        assertThat(registry.get("eventProcessor.ignoredTimer").tags(opened).timer().count()).isEqualTo(1);
        assertThat(registry.get("eventProcessor.latency").tags("processorName", "case-file").gauge().value())
                .isEqualTo(1_500);
    }

    @Test
    void registersAPayloadTypesMetersOnceWhateverTheNumberOfMessages() {
        MessageMeters events = new MessageMeters("eventStore", Tags.empty(), MessageMeters.Kind.BUS, registry);
        handle(events, GenericEventMessage.asEventMessage(new CaseOpened("c1")), Duration.ZERO, Outcome.SUCCESS);
        int meters = registry.getMeters().size();
        for (int i = 0; i < 100; i++) {
            handle(events, GenericEventMessage.asEventMessage(new CaseOpened("c" + i)), Duration.ZERO, Outcome.SUCCESS);
        }
        assertThat(registry.getMeters()).hasSize(meters);
        // as Axon's event bus monitor has it: timers by payload type, counters for all
        assertThat(registry.get("eventStore.successCounter").tags(Tags.empty()).counters()).hasSize(1);
        assertThat(registry.get("eventStore.successCounter").counter().count()).isEqualTo(101);
        assertThat(registry.get("eventStore.allTimer").tags("payloadType", "CaseOpened").timer().count())
                .isEqualTo(101);
        assertThat(registry.find("eventStore.capacity").gauge()).isNull();
        handle(events, GenericEventMessage.asEventMessage(new OpenCase("c1")), Duration.ZERO, Outcome.SUCCESS);
        assertThat(registry.getMeters()).hasSizeGreaterThan(meters);
    }

    @Test
    void capacityForgetsWhatLeftTheWindow() {
        BusyTime busy = new BusyTime(Duration.ofMinutes(10), clock);
        busy.add(Duration.ofSeconds(60).toNanos());
        assertThat(busy.share()).isEqualTo(0.1);
        clock.add(Duration.ofMinutes(5));
        busy.add(Duration.ofSeconds(30).toNanos());
        assertThat(busy.share()).isEqualTo(0.15);
        clock.add(Duration.ofMinutes(6));
        assertThat(busy.share()).isEqualTo(0.05);
        clock.add(Duration.ofMinutes(10));
        assertThat(busy.share()).isZero();
    }

    private enum Outcome { SUCCESS, FAILURE, IGNORED }

    private void handle(MessageMonitor<? super org.axonframework.messaging.Message<?>> monitor,
                        org.axonframework.messaging.Message<?> message, Duration taking, Outcome outcome) {
        MessageMonitor.MonitorCallback callback = monitor.onMessageIngested(message);
        clock.add(taking);
        switch (outcome) {
            case SUCCESS -> callback.reportSuccess();
            case FAILURE -> callback.reportFailure(new IllegalStateException("refused"));
            case IGNORED -> callback.reportIgnored();
        }
    }
}
