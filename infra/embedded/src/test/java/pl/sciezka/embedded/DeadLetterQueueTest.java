package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An event a projection cannot handle waits in the dead-letter queue with the later events of its
 * case, visible to administrators, while the projection goes on with every other case; once the
 * cause is fixed, a retry hands them to the projection again.
 */
class DeadLetterQueueTest extends EmbeddedApplicationTest {

    private static final Duration READ_SIDE = Duration.ofSeconds(30);

    @Autowired
    PoisonProjection poison;

    @Test
    void aPoisonEventIsDeadLetteredAndTheProjectionGoesOn() {
        String before = api.openCase("anna", "Zdrowa");
        String poisoned = api.openCase("anna", PoisonProjection.POISON);
        api.recordDiagnosis("anna", poisoned, "POVERTY");
        String after = api.openCase("bartek", "Zdrowa-Druga");
        api.recordDiagnosis("bartek", after, "UNEMPLOYMENT");

        JsonNode status = Eventually.get(READ_SIDE, () -> {
            JsonNode current = projection(PoisonProjection.NAME);
            assertThat(current.get("lag").asLong()).isZero();
            assertThat(poison.handledCases).contains(before, after);
            assertThat(current.get("deadLetters").asLong()).isEqualTo(2);
            return current;
        });
        assertThat(status.get("deadLetterSequences").asLong()).isEqualTo(1);
        assertThat(status.get("running").asBoolean()).isTrue();
        assertThat(status.get("inError").asBoolean()).isFalse();
        assertThat(poison.handledCases).doesNotContain(poisoned);

        List<Map<String, Object>> letters = jdbc.queryForList("select sequence_identifier, sequence_index,"
                + " payload_type, aggregate_identifier, sequence_number, cause_type, cause_message"
                + " from dead_letter_entry where processing_group = ? order by sequence_index", PoisonProjection.NAME);
        assertThat(letters).extracting(letter -> letter.get("AGGREGATE_IDENTIFIER")).containsOnly(poisoned);
        assertThat(letters).extracting(letter -> ((Number) letter.get("SEQUENCE_NUMBER")).longValue())
                .containsExactly(0L, 1L);
        assertThat(letters).extracting(letter -> letter.get("PAYLOAD_TYPE")).containsExactly(
                "pl.sciezka.api.familycase.FamilyCaseOpened", "pl.sciezka.api.familycase.DiagnosisRecorded");
        assertThat(letters.get(0).get("CAUSE_TYPE")).isEqualTo(IllegalStateException.class.getName());
        assertThat((String) letters.get(0).get("CAUSE_MESSAGE")).contains(poisoned);

        // administrators see each waiting event and why it failed
        JsonNode waiting = api.get("admin", "/api/admin/projections/" + PoisonProjection.NAME + "/dead-letters")
                .expect(200).json();
        assertThat(waiting.valueStream().map(letter -> letter.get("payloadType").asString() + " "
                + letter.get("aggregateId").asString() + " " + letter.get("sequenceNumber").asLong()))
                .containsExactly("FamilyCaseOpened " + poisoned + " 0", "DiagnosisRecorded " + poisoned + " 1");
        assertThat(waiting.at("/0/causeType").asString()).isEqualTo(IllegalStateException.class.getName());
        api.get("celina", "/api/admin/projections/" + PoisonProjection.NAME + "/dead-letters").expect(403);
        api.get("admin", "/api/admin/projections/no-such/dead-letters").expect(404);

        // retried while the bug is still there, they stay; once it is fixed, they go through in order
        assertThat(api.post("admin", "/api/admin/projections/" + PoisonProjection.NAME + "/dead-letters/retry", "")
                .expect(200).json().get("deadLetters").asLong()).isEqualTo(2);
        assertThat(poison.handledCases).doesNotContain(poisoned);
        poison.poisonous = false;
        try {
            JsonNode afterRetry = api.post("admin", "/api/admin/projections/" + PoisonProjection.NAME
                    + "/dead-letters/retry", "").expect(200).json();
            assertThat(afterRetry.get("deadLetters").asLong()).isZero();
            assertThat(afterRetry.get("deadLetterSequences").asLong()).isZero();
            assertThat(poison.handledCases).contains(poisoned);
            assertThat(jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = ?",
                    Long.class, PoisonProjection.NAME)).isZero();
        } finally {
            poison.poisonous = true;
        }

        // the real projections handled the same case without trouble
        Eventually.within(READ_SIDE, () -> api.get("anna", "/api/cases/" + poisoned).expect(200));
        for (String projection : List.of("case-file", "caseload", "timeline", "outcomes", "network")) {
            assertThat(projection(projection).get("deadLetters").asLong()).as(projection).isZero();
        }
    }

    private JsonNode projection(String name) {
        return api.get("admin", "/api/admin/projections").expect(200).json().valueStream()
                .filter(status -> status.get("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no projection " + name));
    }
}
