package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static pl.sciezka.embedded.PersonalDataTestEvents.event;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.personaldata.PersonalData;
import pl.sciezka.embedded.PersonalDataTestEvents.MeetingRecorded;
import pl.sciezka.embedded.PersonalDataTestEvents.Participant;
import pl.sciezka.embedded.PersonalDataTestEvents.PersonErased;
import pl.sciezka.embedded.PersonalDataTestEvents.PersonRegistered;
import pl.sciezka.platform.personaldata.PersonalDataKeys;
import pl.sciezka.query.admin.ProjectionStatus;
import pl.sciezka.query.admin.Projections;

/**
 * Personal data through the application as it runs: Axon's JDBC event store on H2, its serializer as
 * configured, the erasure handler, and a projection rebuilt by the admin mechanism. Events are stored
 * the way a command handler's are, in a unit of work with a transaction.
 */
class PersonalDataErasureTest extends EmbeddedApplicationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    EventStore events;
    @Autowired
    TransactionManager transactions;
    @Autowired
    PersonalDataKeys keys;
    @Autowired
    PeopleProjection people;
    @Autowired
    Projections projections;

    @Test
    void personalDataIsCiphertextInTheEventTableAndPlaintextToEveryReader() {
        String fileId = newId();
        PersonRegistered registered = kowalska(fileId, newId());

        store(event(fileId, 0, registered));

        assertThat(payloadsOf(fileId)).containsExactly(registered);
        String stored = new String(jdbc.queryForObject(
                "select payload from domain_event_entry where aggregate_identifier = ?", byte[].class, fileId),
                StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain("Janina").doesNotContain("Kowalska").doesNotContain("85010112345")
                .contains("\"encrypted\":\"AES-256-GCM\"", "\"birthYear\":1985", "\"generation\":\"PARENT\"");
    }

    @Test
    void anErasedPersonReadsAsTheMarkerInEveryStoredEventWhileOthersStayReadable() {
        String fileId = newId();
        String janina = newId();
        String jan = newId();
        store(event(fileId, 0, kowalska(fileId, janina)),
                event(fileId, 1, new MeetingRecorded(fileId, "m-1", List.of(
                        new Participant(janina, "Janina Kowalska", null), new Participant(jan, "Jan Nowak", "PUP")))));

        store(event(fileId, 2, new PersonErased(fileId, janina, "art. 17 request")));

        assertThat(keys.isDestroyed(janina)).isTrue();
        assertThat(keys.isDestroyed(jan)).isFalse();
        assertThat(payloadsOf(fileId)).containsExactly(
                new PersonRegistered(fileId, janina, PersonalData.ERASED, PersonalData.ERASED, PersonalData.ERASED,
                        1985, Generation.PARENT),
                new MeetingRecorded(fileId, "m-1", List.of(
                        new Participant(janina, PersonalData.ERASED, null), new Participant(jan, "Jan Nowak", "PUP"))),
                new PersonErased(fileId, janina, "art. 17 request"));
        assertThat(jdbc.queryForObject("select secret_key from personal_data_key where subject_id = ?",
                byte[].class, janina)).isNull();
    }

    /**
     * The erasure handler runs while the unit of work prepares to commit, after the event is appended;
     * whatever fails after it, before the commit, must undo both.
     */
    @Test
    void anErasureWhoseTransactionRollsBackIsNeitherStoredNorInEffect() {
        String fileId = newId();
        String personId = newId();
        store(event(fileId, 0, kowalska(fileId, personId)));
        AtomicBoolean erasedWithinTheTransaction = new AtomicBoolean();

        Throwable failure = catchThrowable(() -> {
            ResultMessage<?> result = inUnitOfWork(() -> {
                events.publish(event(fileId, 1, new PersonErased(fileId, personId, "art. 17 request")));
                CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                    erasedWithinTheTransaction.set(keys.isDestroyed(personId));
                    throw new IllegalStateException("something after the erasure fails before the commit");
                });
                return null;
            });
            if (result.isExceptional()) {
                throw result.exceptionResult();
            }
        });

        assertThat(failure).hasMessageContaining("fails before the commit");
        assertThat(erasedWithinTheTransaction).as("the handler had run, in this transaction").isTrue();
        assertThat(keys.isDestroyed(personId)).isFalse();
        assertThat(payloadsOf(fileId)).containsExactly(kowalska(fileId, personId));
    }

    @Test
    void aFullReplayAfterAnErasureRebuildsViewsWithTheMarkerAndBreaksNothing() {
        String fileId = newId();
        String erased = newId();
        String kept = newId();
        store(event(fileId, 0, kowalska(fileId, erased)),
                event(fileId, 1, new PersonRegistered(fileId, kept, "Jan", "Nowak", null, 1960, Generation.GRANDPARENT)),
                event(fileId, 2, new MeetingRecorded(fileId, "m-2", List.of(
                        new Participant(erased, "Janina Kowalska", null), new Participant(kept, "Jan Nowak", null)))));
        Eventually.within(PATIENCE, () -> assertThat(people.names).containsEntry(erased, "Janina Kowalska"));
        store(event(fileId, 3, new PersonErased(fileId, erased, "art. 17 request")));

        assertThat(projections.rebuild(PeopleProjection.NAME)).isTrue();

        Eventually.within(PATIENCE, () -> {
            ProjectionStatus status = projections.one(PeopleProjection.NAME).orElseThrow();
            assertThat(status.inError()).isFalse();
            assertThat(status.replaying()).isFalse();
            assertThat(status.lag()).isZero();
            assertThat(people.names).containsEntry("m-2/" + kept, "Jan Nowak");
        });
        assertThat(people.names).containsEntry(erased, PersonalData.ERASED + " " + PersonalData.ERASED)
                .containsEntry(kept, "Jan Nowak")
                .containsEntry("m-2/" + erased, PersonalData.ERASED);
        assertThat(everyStoredPayload()).as("every event from the first, as a tracking processor reads them")
                .hasSizeGreaterThanOrEqualTo(4);
    }

    private void store(EventMessage<?>... messages) {
        ResultMessage<?> result = inUnitOfWork(() -> {
            events.publish(messages);
            return null;
        });
        assertThat(result.isExceptional()).as("stored: %s", result).isFalse();
    }

    /** As the command bus runs a handler: one unit of work, one transaction, rolled back on failure. */
    private ResultMessage<?> inUnitOfWork(java.util.concurrent.Callable<?> work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        return unitOfWork.executeWithResult(work);
    }

    private List<Object> payloadsOf(String fileId) {
        return events.readEvents(fileId).asStream().<Object>map(EventMessage::getPayload).toList();
    }

    private List<Object> everyStoredPayload() {
        List<Object> payloads = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (stream.hasNextAvailable()) {
                payloads.add(stream.nextAvailable().getPayload());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return payloads;
    }

    private static PersonRegistered kowalska(String fileId, String personId) {
        return new PersonRegistered(fileId, personId, "Janina", "Kowalska", "85010112345", 1985, Generation.PARENT);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
