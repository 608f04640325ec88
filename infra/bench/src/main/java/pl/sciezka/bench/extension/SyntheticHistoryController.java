package pl.sciezka.bench.extension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.api.MetadataKeys;

/**
 * Fills the event store with synthetic family histories ({@link FamilyHistory}) far faster than HTTP
 * could: straight through Axon's {@link EventStore}, so they are serialised, encrypted and stored
 * exactly as the application stores events, and the projections pick them up as they would any.
 * Only the measured operations of a benchmark go through the API; this only prepares the data.
 */
@RestController
@RequestMapping("/bench/synthetic")
@PreAuthorize("hasRole('ADMIN')")
class SyntheticHistoryController {

    private static final String AGGREGATE_TYPE = "FamilyCase";
    private static final int EVENTS_PER_TRANSACTION = 1000;
    private static final int SAMPLE_SIZE = 64;

    private final EventStore events;
    private final TransactionTemplate transaction;

    SyntheticHistoryController(EventStore events, PlatformTransactionManager transactions) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Appends closed families until at least {@code events} more events are stored, their cases spread
     * evenly over {@code coordinators}, their referrals over the given offerings (each
     * {@code offeringId:institutionId:unitCost:providerId}), their histories over the past years.
     */
    @PostMapping("/families")
    Map<String, Object> families(@RequestParam long events, @RequestParam long seed,
                                 @RequestParam List<String> coordinators, @RequestParam List<String> offerings) {
        Random random = new Random(seed);
        List<FamilyHistory.Offering> network = offerings(offerings);
        long started = System.nanoTime();
        long written = 0;
        int families = 0;
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        List<String> sample = new ArrayList<>();
        while (written < events) {
            Instant start = Instant.now().minus(Duration.ofDays(3L * 60 + 400 + random.nextInt(5 * 365)));
            List<FamilyHistory.Step> history = FamilyHistory.closed(random, network,
                    coordinators.get(families % coordinators.size()), start);
            batch.addAll(messages(history));
            written += history.size();
            families++;
            remember(sample, history.get(0).event().caseId(), families, random);
            if (batch.size() >= EVENTS_PER_TRANSACTION || written >= events) {
                publish(batch);
                batch.clear();
            }
        }
        return Map.of("families", families, "events", written, "nanos", System.nanoTime() - started,
                "sampleCaseIds", sample);
    }

    /** Keeps a uniform sample of the cases written (reservoir sampling), for benchmarks to read back. */
    private static void remember(List<String> sample, String caseId, int seen, Random random) {
        if (sample.size() < SAMPLE_SIZE) {
            sample.add(caseId);
        } else if (random.nextInt(seen) < SAMPLE_SIZE) {
            sample.set(random.nextInt(SAMPLE_SIZE), caseId);
        }
    }

    /** One open case of {@code coordinatorId} with {@code events} events, years of services and meetings. */
    @PostMapping("/long-case")
    Map<String, Object> longCase(@RequestParam int events, @RequestParam long seed,
                                 @RequestParam String coordinatorId, @RequestParam List<String> offerings) {
        Random random = new Random(seed);
        Instant start = Instant.now().minus(FamilyHistory.span(events)).minus(Duration.ofDays(1));
        List<FamilyHistory.Step> history = FamilyHistory.open(random, offerings(offerings), coordinatorId, start, events);
        List<GenericDomainEventMessage<?>> messages = messages(history);
        for (int from = 0; from < messages.size(); from += EVENTS_PER_TRANSACTION) {
            publish(messages.subList(from, Math.min(messages.size(), from + EVENTS_PER_TRANSACTION)));
        }
        return Map.of("caseId", history.get(0).event().caseId(), "events", history.size());
    }

    private void publish(List<GenericDomainEventMessage<?>> batch) {
        transaction.executeWithoutResult(status -> events.publish(batch));
    }

    private static List<GenericDomainEventMessage<?>> messages(List<FamilyHistory.Step> history) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>(history.size());
        for (int sequence = 0; sequence < history.size(); sequence++) {
            FamilyHistory.Step step = history.get(sequence);
            MetaData metadata = MetaData.from(Map.of(
                    MetadataKeys.ACTOR_ID, step.actorId(),
                    MetadataKeys.ACTOR_ROLE, step.role().name(),
                    MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString(),
                    MetadataKeys.CAUSATION_ID, UUID.randomUUID().toString()));
            messages.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, step.event().caseId(), sequence, step.event(),
                    metadata, UUID.randomUUID().toString(), step.at()));
        }
        return messages;
    }

    private static List<FamilyHistory.Offering> offerings(List<String> specifications) {
        return specifications.stream().map(specification -> {
            String[] parts = specification.split(":");
            return new FamilyHistory.Offering(parts[0], parts[1], new BigDecimal(parts[2]), parts[3]);
        }).toList();
    }
}
