package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs a family's whole path, refused requests included, with names and a PESEL found nowhere else,
 * and reads every line the application logged meanwhile: none of them may carry the personal data,
 * and every one carries the correlation-id slot, filled with the request's id inside a request. The
 * packaged application runs as a process of its own, so its console is the whole log and no other
 * test's application shares it.
 */
class LogScanIT {

    private static final String FIRST_NAME = "Hieronima";
    private static final String SURNAME = "Wszeborowska";
    private static final String CHILD = "Bożydar";
    private static final String PESEL = "83071412347";
    private static final String CORRELATION_ID = "log-scan-7f3a";

    @Test
    void logsCarryNoPersonalDataAndACorrelationIdOnEveryLine() throws Exception {
        Path dataDir = Files.createTempDirectory("sciezka-logs");
        String logged;
        try (RunningApplication app = new RunningApplication(dataDir)) {
            app.start();
            scenario(new ApiClient(app.port()));
            logged = Files.readString(app.log());
        }
        assertThat(logged).contains("Started SciezkaApplication");
        assertThat(logged).doesNotContain(FIRST_NAME, SURNAME, CHILD, PESEL, SURNAME.toLowerCase());
        List<String> lines = logged.lines().filter(line -> line.matches("^\\d{4}-\\d{2}-\\d{2}T.*")).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).contains("[cid="));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("[cid=" + CORRELATION_ID + "]")
                .contains("Answering a repeat"));
    }

    private static void scenario(ApiClient api) {
        Journey journey = new Journey(api).network();
        String caseId = api.post("anna", "/api/cases", Map.of("familyName", SURNAME, "district", "Wilchwy"))
                .expect(201).json().get("caseId").asString();
        String cases = "/api/cases/" + caseId;
        String mother = api.post("anna", cases + "/members", Map.of("firstName", FIRST_NAME, "lastName", SURNAME,
                "birthYear", 1983, "generation", "PARENT", "relation", "matka", "pesel", PESEL))
                .expect(201).json().get("memberId").asString();
        api.post("anna", cases + "/members", Map.of("firstName", CHILD, "lastName", SURNAME,
                "birthYear", Journey.TODAY.getYear() - 10, "generation", "CHILD", "relation", "syn")).expect(201);
        // refused requests that carry the same data
        api.post("anna", cases + "/members", Map.of("firstName", FIRST_NAME, "lastName", SURNAME,
                "birthYear", 1990, "generation", "PARENT", "relation", "matka", "pesel", PESEL)).expect(400);
        api.post("anna", cases + "/members", "{\"firstName\":\"" + FIRST_NAME + "\",\"pesel\":" + PESEL + ",")
                .expect(400);
        api.post("anna", cases + "/members", Map.of("firstName", FIRST_NAME.repeat(30), "lastName", SURNAME,
                "birthYear", 1983, "generation", "GRANDCHILD", "relation", "x")).expect(400);
        api.post("anna", cases + "/diagnoses", ApiClient.diagnosis("POVERTY", "UNEMPLOYMENT")).expect(201);
        String referralId = api.post("anna", cases + "/referrals", Map.of("offeringId", journey.offeringId,
                "memberIds", List.of(mother), "reason", "aktywizacja " + SURNAME)).expect(201)
                .json().get("referralId").asString();
        api.post("pup", cases + "/referrals/" + referralId + "/acceptance", "").expect(200);
        api.post("pup", cases + "/referrals/" + referralId + "/completion", Map.of("outcome", "GOAL_ACHIEVED"))
                .expect(200);
        Map<String, Object> closure = Map.of("reason", "GOALS_ACHIEVED", "justification", "ok");
        api.post("anna", cases + "/closure-request", closure, "Idempotency-Key", "k1").expect(200);
        api.post("anna", cases + "/closure-request", closure, "Idempotency-Key", "k1",
                "X-Correlation-Id", CORRELATION_ID).expect(200);
        api.post("celina", cases + "/closure-request/approval", Map.of("comment", "zgoda")).expect(200);
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(api.get("anna", cases).expect(200).body())
                .contains(FIRST_NAME, CHILD));
        // the timeline is a view of its own, and may come a moment after the case file
        Eventually.within(Duration.ofSeconds(30), () -> api.get("anna", cases + "/timeline").expect(200));
        api.post("celina", cases + "/members/" + mother + "/erasure", Map.of("reason", "wniosek")).expect(200);
    }
}
