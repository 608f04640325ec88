package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every answered write of the embedded default is in the event file when its answer arrives: the file is
 * copied as it is, what a SIGKILL leaves, and the copy opened by H2 alone. (KillUnderLoadIT kills the process;
 * this shows the same of each answer, in the test's own application.)
 */
class DurableAnswersTest extends EmbeddedApplicationTest {

    @Test
    void everyAnsweredWriteIsInTheEventFileAtOnce() throws Exception {
        for (int family = 0; family < 5; family++) {
            String caseId = api.openCase("anna", "Durska-" + family);
            api.post("anna", "/api/cases/" + caseId + "/members", Map.of("firstName", "Jan", "lastName", "Durski",
                    "birthYear", 1980, "generation", "PARENT", "relation", "ojciec")).expect(201);
            assertThat(eventsInACopyOfTheFile(caseId)).as("events of the case in a copy of the file")
                    .isEqualTo(eventsOfCase(caseId)).isGreaterThanOrEqualTo(2);
        }
    }

    private static long eventsInACopyOfTheFile(String caseId) throws Exception {
        Path copy = Files.createTempDirectory("sciezka-killed");
        try {
            Files.copy(DATA_DIR.resolve("events.mv.db"), copy.resolve("events.mv.db"));
            try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("events"), "sa", "");
                 PreparedStatement count = connection.prepareStatement(
                         "select count(*) from domain_event_entry where aggregate_identifier = ?")) {
                count.setString(1, caseId);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(copy)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
