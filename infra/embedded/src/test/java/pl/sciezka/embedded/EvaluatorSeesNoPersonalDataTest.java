package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.sciezka.embedded.Journey.TODAY;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.outcomes.CohortGrouping;
import pl.sciezka.query.pseudonyms.Pseudonyms;

/**
 * A family's whole support path, written with its members' names and PESELs in every free-text field
 * the API takes, and then everything an evaluator can read: the event export, the case file as of
 * two instants, the case's outcomes, every cohort view, the network's usage and catalogue. None of it holds a name, a PESEL, the case's
 * or members' ids, or a staff user's id, while a supervisor's case file shows that they were there.
 */
class EvaluatorSeesNoPersonalDataTest extends EmbeddedApplicationTest {

    private static final String FATHER_PESEL = pesel("850314012");
    private static final String DAUGHTER_PESEL = pesel("152621045");
    private static final String GRANDFATHER_PESEL = pesel("500105078");
    private static final List<String> PERSONAL = List.of("Hieronim", "Kunegunda", "Bonifacy", "Wierzbick", "Ostoj",
            "Koordynatorka", "Pedagożka", FATHER_PESEL, DAUGHTER_PESEL, GRANDFATHER_PESEL);

    @Autowired
    Pseudonyms pseudonyms;

    @Test
    void nothingAnEvaluatorReadsNamesAnyoneOrCarriesTheirIds() {
        Journey journey = new Journey(api).network();
        journey.caseId = api.openCase("anna", "Wierzbicka-Ostoja");
        journey.parentId = member(journey, "Hieronim", "Wierzbicki", 1985, "PARENT", "ojciec Kunegundy", FATHER_PESEL);
        journey.childId = member(journey, "Kunegunda", "Wierzbicka", 2015, "CHILD", "córka Hieronima", DAUGHTER_PESEL);
        String grandfather = member(journey, "Bonifacy", "Ostoja", 1950, "GRANDPARENT", "dziadek", GRANDFATHER_PESEL);
        api.post("anna", journey.path("/diagnoses"), Map.of("source", "TASK_TEAM", "problems", List.of(
                Map.of("area", "ADDICTION", "severity", "HIGH", "memberIds", List.of(journey.parentId),
                        "description", "Hieronim Wierzbicki nadużywa alkoholu"),
                Map.of("area", "UNEMPLOYMENT", "severity", "MEDIUM", "memberIds", List.of(journey.parentId),
                        "description", "Hieronim bez pracy od 2019")))).expect(201);
        String goalId = api.send(api.request("anna", journey.path("/support-plan")).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(Map.of("goals",
                        List.of(Map.of("area", "UNEMPLOYMENT", "memberIds", List.of(journey.parentId),
                                "description", "Hieronim podejmie pracę", "targetDate", TODAY.plusMonths(6).toString()))))))
                .build()).expect(200).json().at("/goalIds/0").asString();
        String referral = api.post("anna", journey.path("/referrals"), Map.of("offeringId", journey.offeringId,
                "memberIds", List.of(journey.parentId), "goalId", goalId, "reason", "staż dla Hieronima Wierzbickiego"))
                .expect(201).json().get("referralId").asString();
        api.post("pup", journey.path("/referrals/" + referral + "/acceptance"), "").expect(200);
        api.post("pup", journey.path("/referrals/" + referral + "/deliveries"), Map.of("deliveredOn", TODAY.toString(),
                "units", 1, "memberIds", List.of(journey.parentId))).expect(201);
        api.post("ewa", journey.path("/meetings"), Map.of("heldOn", TODAY.toString(), "participants", List.of(
                Map.of("name", "Anna Koordynatorka", "institution", "MOPS", "role", "koordynator", "userId", "anna"),
                Map.of("name", "Kunegunda Wierzbicka", "institution", "rodzina Wierzbickich", "role", "córka"),
                Map.of("name", "Pedagożka Szkolna", "institution", "SP 7", "role", "pedagog")),
                "decisions", List.of(Map.of("text", "Kunegunda do poradni", "responsible", "Bonifacy Ostoja",
                        "dueBy", TODAY.plusWeeks(2).toString())))).expect(201);
        measure(journey, "BASELINE", false);
        Instant beforeClosure = Instant.now();
        api.post("anna", journey.path("/closure-request"), Map.of("reason", "GOALS_ACHIEVED",
                "justification", "Hieronim pracuje, Kunegunda chodzi do szkoły",
                "openReferralsExplanation", "Hieronim kończy staż")).expect(200);
        api.post("celina", journey.path("/closure-request/approval"), Map.of("comment", "zgoda dla Wierzbickich"))
                .expect(200);
        measure(journey, "FOLLOW_UP_12M", true);
        api.post("celina", journey.path("/coordinator"), Map.of("coordinatorId", "bartek",
                "reason", "Bartek zna Ostojów")).expect(200);
        String opening = jdbc.queryForObject("select event_identifier from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = 0", String.class, journey.caseId);
        api.post("celina", journey.path("/reviews"), Map.of("eventId", opening, "verdict", "QUERIED",
                "comment", "czy Bonifacy Ostoja wie o sprawie?")).expect(201);
        String pseudonym = pseudonyms.of("case", journey.caseId);

        // the history does hold the names: a supervisor reads them
        String supervisorsFile = Eventually.get(Duration.ofSeconds(20), () -> {
            ApiClient.Response file = api.get("celina", journey.path("")).expect(200);
            assertThat(file.json().get("reviews").size()).isEqualTo(1);
            return file.body();
        });
        assertThat(supervisorsFile).contains("Hieronim", "Kunegunda", "Bonifacy", "Wierzbick", FATHER_PESEL,
                "Koordynatorka", "Bonifacy Ostoja");
        Eventually.within(Duration.ofSeconds(20), () -> assertThat(api.get("dawid", "/api/outcomes/cases/" + pseudonym)
                .expect(200).json().get("horizons").size()).isEqualTo(2));
        Eventually.within(Duration.ofSeconds(20), () -> assertThat(api.get("dawid", "/api/network/usage").expect(200)
                .body()).contains(pseudonym));

        Map<String, ApiClient.Response> evaluatorReads = new LinkedHashMap<>();
        evaluatorReads.put("export", api.get("dawid", "/api/exports/events").expect(200));
        evaluatorReads.put("outcomes", api.get("dawid", "/api/outcomes/cases/" + pseudonym).expect(200));
        for (CohortGrouping grouping : CohortGrouping.values()) {
            for (Horizon horizon : Horizon.values()) {
                evaluatorReads.put("cohorts " + grouping + " " + horizon, api.get("dawid", "/api/outcomes/cohorts?groupBy="
                        + grouping + "&horizon=" + horizon).expect(200));
            }
        }
        evaluatorReads.put("three-generation cohorts", api.get("dawid",
                "/api/outcomes/cohorts?threeGenerationFamiliesOnly=true&horizon=FOLLOW_UP_12M").expect(200));
        evaluatorReads.put("usage", api.get("dawid", "/api/network/usage").expect(200));
        evaluatorReads.put("catalogue", api.get("dawid", "/api/network/offerings").expect(200));
        ApiClient.Response asOf = api.get("dawid", "/api/cases/" + pseudonym + "?asOf=" + Instant.now()).expect(200);
        evaluatorReads.put("as-of", asOf);
        evaluatorReads.put("as-of before the closure", api.get("dawid", "/api/cases/" + pseudonym + "?asOf="
                + beforeClosure).expect(200));

        List<String> forbidden = new ArrayList<>(PERSONAL);
        forbidden.addAll(List.of(journey.caseId, journey.parentId, journey.childId, grandfather, opening,
                "\"anna\"", "\"bartek\"", "\"celina\"", "\"ewa\"", "\"pup\""));
        evaluatorReads.forEach((what, response) ->
                assertThat(response.body()).as(what).doesNotContain(forbidden));
        // the pseudonymised as-of file keeps the family's shape: three generations, the meeting, the referral
        JsonNode file = asOf.json();
        assertThat(file.get("caseId").asString()).isEqualTo(pseudonym);
        assertThat(file.get("members").valueStream().map(member -> member.get("generation").get("code").asString()))
                .containsExactly("PARENT", "CHILD", "GRANDPARENT");
        assertThat(file.at("/members/0/memberId").asString()).isEqualTo(pseudonyms.of("member", journey.parentId));
        assertThat(file.at("/members/0/birthYear").asInt()).isEqualTo(1985);
        assertThat(file.at("/meetings/0/participants").size()).isEqualTo(3);
        assertThat(file.at("/meetings/0/participants/0/userId").asString()).isEqualTo(pseudonyms.of("user", "anna"));
        assertThat(file.at("/referrals/0/deliveries/0/units").decimalValue()).isEqualByComparingTo("1");
        assertThat(file.at("/reviews/0/eventId").asString()).isEqualTo(pseudonyms.of("event", opening));
        assertThat(file.get("coordinatorId").asString()).isEqualTo(pseudonyms.of("user", "bartek"));
        // (a refusal of a path the evaluator typed echoes that path, so these are only checked for their status)
        api.get("dawid", journey.path("?asOf=" + Instant.now())).expect(404);
        api.get("dawid", journey.path("")).expect(403);
        // and the export does carry this family's path, under its pseudonym
        assertThat(evaluatorReads.get("export").body().lines().filter(line -> line.contains(pseudonym)).count())
                .isEqualTo(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                        Long.class, journey.caseId));
    }

    private String member(Journey journey, String firstName, String lastName, int birthYear, String generation,
                          String relation, String pesel) {
        return api.post("anna", journey.path("/members"), Map.of("firstName", firstName, "lastName", lastName,
                "birthYear", birthYear, "generation", generation, "relation", relation, "pesel", pesel))
                .expect(201).json().get("memberId").asString();
    }

    private void measure(Journey journey, String horizon, boolean working) {
        api.post("ewa", journey.path("/outcome-measurements"), Map.of("horizon", horizon, "measuredOn", TODAY.toString(),
                "household", Map.of("incomePerPerson", working ? 1500 : 640, "receivesSocialAssistance", !working,
                        "monthsOnAssistanceLast12", working ? 0 : 12),
                "members", List.of(Map.of("memberId", journey.parentId, "employment", working ? "EMPLOYED" : "UNEMPLOYED"),
                        Map.of("memberId", journey.childId, "schoolAttendanceRate", 0.9)))).expect(201);
    }

    /** A valid PESEL: the nine digits given, a tenth, and the checksum. */
    private static String pesel(String firstNine) {
        String ten = firstNine + "1";
        int[] weights = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += weights[i] * (ten.charAt(i) - '0');
        }
        return ten + (10 - sum % 10) % 10;
    }
}
