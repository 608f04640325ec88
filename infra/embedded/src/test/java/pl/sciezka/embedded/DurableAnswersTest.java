package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import pl.sciezka.bench.durability.StoredEvents;

/**
 * Every answered write of the embedded default is in the event file when its answer arrives: the file is
 * copied as it is, what a SIGKILL leaves, and the copy opened by H2 alone. (KillUnderLoadIT kills the process;
 * this shows the same of each answer, in the test's own application.)
 */
class DurableAnswersTest extends EmbeddedApplicationTest {

    private static final int WRITERS = 4;
    private static final int FAMILIES = 5;

    /**
     * Four writers at once. With {@code WRITE_DELAY=500} instead of 0 this passed too: H2 2.5.252 writes a commit
     * at once whenever no other transaction is open, which at this pace is nearly always. It guards the answer's
     * durability as the application gives it; KillUnderLoadIT, eight clients flat out, is where a delayed write shows.
     */
    @Test
    void everyAnsweredWriteIsInTheEventFileAtOnce() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int first = writer * FAMILIES;
                done.add(writers.submit(() -> {
                    for (int family = first; family < first + FAMILIES; family++) {
                        String caseId = api.openCase("anna", "Durska-" + family);
                        api.post("anna", "/api/cases/" + caseId + "/members", Map.of("firstName", "Jan",
                                "lastName", "Durski", "birthYear", 1980, "generation", "PARENT", "relation", "ojciec"))
                                .expect(201);
                        assertThat(eventsInACopyOfTheFile(caseId)).as("events of the case in a copy of the file")
                                .isEqualTo(eventsOfCase(caseId)).isGreaterThanOrEqualTo(2);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    /** What a SIGKILL now would leave of the case: StoredEvents reads a copy of the event file with H2 alone. */
    private static long eventsInACopyOfTheFile(String caseId) {
        return StoredEvents.read(DATA_DIR).events().stream().filter(event -> caseId.equals(event.aggregateId())).count();
    }
}
