package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import pl.sciezka.api.MetadataKeys;
import pl.sciezka.api.familycase.DiagnosedProblem;
import pl.sciezka.api.familycase.DiagnosisSource;
import pl.sciezka.api.familycase.ProblemArea;
import pl.sciezka.api.familycase.RecordDiagnosis;
import pl.sciezka.api.familycase.Severity;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

/** A write may name the case version it was based on (If-Match); if the case has moved on, 412 and nothing stored. */
class IfMatchTest extends EmbeddedApplicationTest {

    private static final Map<String, Object> POVERTY = ApiClient.diagnosis("POVERTY");

    @Autowired
    CommandGateway commands;

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

    /**
     * Axon's own answer to a stale version is a concurrency exception, which the command gateway would
     * retry in vain and which Axon Server would deliver without its type; the command side answers a
     * final rejection instead.
     */
    @Test
    void staleVersionIsAFinalRejectionNotALostRaceToRetry() {
        String caseId = diagnosedCase();
        RecordDiagnosis diagnosis = new RecordDiagnosis(caseId, UUID.randomUUID().toString(),
                DiagnosisSource.TASK_TEAM, List.of(new DiagnosedProblem(ProblemArea.POVERTY, List.of(), Severity.LOW, null)));

        assertThatThrownBy(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(diagnosis)
                .withMetaData(Map.of(MetadataKeys.ACTOR_ID, "anna", MetadataKeys.ACTOR_ROLE, "CASEWORKER",
                        MetadataKeys.EXPECTED_VERSION, 0L))))
                .isInstanceOfSatisfying(RejectedException.class,
                        rejected -> assertThat(rejected.rejection().type()).isEqualTo(ProblemType.PRECONDITION_FAILED));
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
