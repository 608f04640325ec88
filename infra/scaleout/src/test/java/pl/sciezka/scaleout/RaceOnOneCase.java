package pl.sciezka.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.sciezka.scaleout.Writes.POVERTY;

import java.util.List;
import java.util.UUID;

/**
 * Sixteen diagnoses at once on one case, spread by the proxy over both command instances: each is
 * stored once (a lost append retried) or refused 409; then six writes all sent with the same If-Match:
 * one is stored, the rest are 412; then four repeats of one Idempotency-Key at once: one event, and
 * every answer the first one.
 */
record RaceOnOneCase(int succeeded, int conflicts, int conditional, int conditionalSucceeded, int preconditionFailed) {

    static RaceOnOneCase run(Api api, Writes writes, History history) throws Exception {
        String caseId = writes.openCase("anna");
        String diagnoses = "/api/cases/" + caseId + "/diagnoses";
        List<Integer> statuses = Concurrently.run(16, i -> api.post("anna", diagnoses, POVERTY).status());
        assertThat(statuses).allMatch(status -> status == 201 || status == 409);
        int succeeded = (int) statuses.stream().filter(status -> status == 201).count();
        writes.countAcknowledged(succeeded);
        assertThat(history.eventsOf(caseId)).isEqualTo(1 + succeeded);
        assertThat(history.sequenceIsUnbroken(caseId)).isTrue();

        String version = "\"" + (history.eventsOf(caseId) - 1) + "\"";
        List<Integer> conditional = Concurrently.run(6, i -> api.post("anna", diagnoses, POVERTY, "If-Match", version).status());
        assertThat(conditional).allMatch(status -> status == 201 || status == 412 || status == 409);
        assertThat(conditional).filteredOn(status -> status == 201).hasSize(1);
        writes.countAcknowledged(1);
        assertThat(history.eventsOf(caseId)).isEqualTo(2 + succeeded);

        String key = UUID.randomUUID().toString();
        List<Api.Response> repeats = Concurrently.run(4, i -> api.post("anna", diagnoses, POVERTY, "Idempotency-Key", key));
        assertThat(repeats).allSatisfy(repeat -> assertThat(repeat.status()).isEqualTo(201));
        assertThat(repeats.stream().map(repeat -> repeat.body() + repeat.header("ETag")).distinct()).hasSize(1);
        writes.countAcknowledged(1);
        assertThat(history.eventsOf(caseId)).as("one event for four repeats of one key").isEqualTo(3 + succeeded);
        return new RaceOnOneCase(succeeded, 16 - succeeded, 6, 1,
                (int) conditional.stream().filter(status -> status == 412).count());
    }
}
