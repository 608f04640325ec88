package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A write may name the case version it was based on (If-Match); if the case has moved on, 412 and nothing stored. */
class IfMatchTest extends EmbeddedApplicationTest {

    private static final Map<String, Object> POVERTY = ApiClient.diagnosis("POVERTY");

    @Test
    void writeBasedOnAVersionTheCaseHasLeftIs412AndStoresNothing() {
        String caseId = diagnosedCase();
        long stored = storedEvents();

        api.post("anna", diagnoses(caseId), POVERTY, "If-Match", "\"0\"").expectProblem(412, "precondition-failed");
        // a version the case never had is no better
        api.post("anna", diagnoses(caseId), POVERTY, "If-Match", "\"7\"").expectProblem(412, "precondition-failed");

        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void writeBasedOnTheCurrentVersionSucceeds() {
        String caseId = diagnosedCase();

        ApiClient.Response diagnosed = api.post("anna", diagnoses(caseId), POVERTY, "If-Match", "\"1\"").expect(201);
        assertThat(diagnosed.header("ETag")).isEqualTo("\"2\"");
        // and the ETag it answered is the next write's If-Match
        assertThat(api.post("anna", diagnoses(caseId), POVERTY, "If-Match", diagnosed.header("ETag")).expect(201)
                .header("ETag")).isEqualTo("\"3\"");
        assertThat(api.post("anna", diagnoses(caseId), POVERTY, "If-Match", "*").expect(201)
                .header("ETag")).isEqualTo("\"4\"");
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = {"1", "W/\"1\"", "\"1\", \"2\"", "\"one\"", "\"-1\"", "\"\"", "\"99999999999999999999\""})
    void malformedIfMatchIs400AndStoresNothing(String ifMatch) {
        String caseId = diagnosedCase();
        long stored = storedEvents();

        api.post("anna", diagnoses(caseId), POVERTY, "If-Match", ifMatch).expectProblem(400, "malformed-request");

        assertThat(storedEvents()).isEqualTo(stored);
    }

    /** The key is stored in the same transaction as the events, so it is rolled back with them. */
    @Test
    void refusedStaleWriteLeavesItsIdempotencyKeyForTheRetry() {
        String caseId = diagnosedCase();
        String key = UUID.randomUUID().toString();
        long stored = storedEvents();

        api.post("anna", diagnoses(caseId), POVERTY, "Idempotency-Key", key, "If-Match", "\"0\"")
                .expectProblem(412, "precondition-failed");
        assertThat(storedEvents()).isEqualTo(stored);

        ApiClient.Response retried = api.post("anna", diagnoses(caseId), POVERTY, "Idempotency-Key", key,
                "If-Match", "\"1\"").expect(201);
        assertThat(retried.header("ETag")).isEqualTo("\"2\"");
        assertThat(storedEvents()).isEqualTo(stored + 1);
    }

    /** The case's rules speak first: a caller who may not see the case learns nothing from its version. */
    @Test
    void staleIfMatchFromSomeoneWhoMayNotSeeTheCaseIs404() {
        String caseId = diagnosedCase();

        api.post("bartek", diagnoses(caseId), POVERTY, "If-Match", "\"0\"").expectProblem(404, "not-found");
    }

    /** Opened by anna and diagnosed once: version 1. */
    private String diagnosedCase() {
        String caseId = api.openCase("anna", "Nowak");
        api.recordDiagnosis("anna", caseId, "POVERTY");
        return caseId;
    }

    private static String diagnoses(String caseId) {
        return "/api/cases/" + caseId + "/diagnoses";
    }
}
