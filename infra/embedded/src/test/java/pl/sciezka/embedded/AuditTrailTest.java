package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a supervisor audits: every event of a case with who, when, role and why; decisions across cases. */
class AuditTrailTest extends EmbeddedApplicationTest {

    private static final Duration READ_SIDE = Duration.ofSeconds(15);

    @Test
    void timelineShowsEveryEventWithActorRoleAndReasonAndTheReviewsOfIt() {
        Journey journey = new Journey(api).network().family().acceptedReferral();
        api.post("anna", journey.path("/referrals/" + journey.referralId + "/revocation"),
                Map.of("reason", "duplicate referral")).expect(200);
        JsonNode revoked = Eventually.get(READ_SIDE, () -> entry(timeline("celina", journey), "ReferralRevoked"));
        api.post("celina", journey.path("/reviews"), Map.of("eventId", revoked.get("eventId").asString(),
                "verdict", "QUERIED", "comment", "why was it issued twice?")).expect(201);

        JsonNode timeline = Eventually.get(READ_SIDE, () -> {
            JsonNode current = timeline("anna", journey);
            assertThat(entry(current, "ReferralRevoked").get("reviews").size()).isEqualTo(1);
            return current;
        });
        assertThat(timeline.get("entries").valueStream().map(e -> e.get("type").asString())).containsExactly(
                "FamilyCaseOpened", "MemberRegistered", "MemberRegistered", "SupportPlanAgreed", "ReferralIssued",
                "ReferralAccepted", "ReferralRevoked", "DecisionReviewed");
        assertThat(timeline.get("entries").valueStream().map(e -> e.get("sequence").asLong()))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        JsonNode revocation = entry(timeline, "ReferralRevoked");
        assertThat(revocation.get("actor").asString()).isEqualTo("anna");
        assertThat(revocation.get("role").asString()).isEqualTo("CASEWORKER");
        assertThat(revocation.get("reason").asString()).isEqualTo("duplicate referral");
        assertThat(revocation.get("decision").asBoolean()).isTrue();
        assertThat(revocation.at("/reviews/0/verdict").asString()).isEqualTo("QUERIED");
        assertThat(revocation.at("/reviews/0/reviewer").asString()).isEqualTo("celina");
        assertThat(entry(timeline, "ReferralAccepted").get("actor").asString()).isEqualTo("pup");
        assertThat(entry(timeline, "MemberRegistered").get("summary").asString())
                .doesNotContain("Jan", "Nowak", "85031401237");
        assertThat(timeline.toString()).doesNotContain("85031401237");
    }

    @Test
    void onlyTheCoordinatorAndSupervisorsReadTheTimeline() {
        Journey journey = new Journey(api).family();
        Eventually.within(READ_SIDE, () -> timeline("anna", journey));
        api.get("bartek", journey.path("/timeline")).expect(404);
        api.get("ewa", journey.path("/timeline")).expect(403);
        api.get("dawid", journey.path("/timeline")).expect(403);
        api.get("celina", "/api/cases/no-such-case/timeline").expect(404);
    }

    @Test
    void decisionsAcrossCasesAreFilteredByActorAndTypeNewestFirstAndPaged() {
        Instant from = Instant.now();
        Journey annas = new Journey(api).family();
        Journey barteks = new Journey(api);
        barteks.caseId = api.openCase("bartek", "Zielińska");
        for (Journey journey : List.of(annas, barteks)) {
            String coordinator = journey == annas ? "anna" : "bartek";
            api.post(coordinator, journey.path("/closure-request"), Map.of("reason", "FAMILY_MOVED",
                    "justification", "moved to " + coordinator)).expect(200);
        }
        api.post("celina", annas.path("/closure-request/approval"), Map.of("comment", "agreed")).expect(200);
        String period = "&from=" + from + "&to=" + Instant.now().plusSeconds(5);

        JsonNode requests = Eventually.get(READ_SIDE, () -> {
            JsonNode page = api.get("celina", "/api/audit/decisions?type=ClosureRequested" + period).expect(200).json();
            assertThat(page.get("total").asLong()).isEqualTo(2);
            return page;
        });
        assertThat(requests.get("decisions").valueStream().map(d -> d.get("reason").asString()))
                .containsExactly("moved to bartek", "moved to anna");
        // the approval came after both requests, and may still be on its way to the read side
        Eventually.within(READ_SIDE, () -> {
            JsonNode byCelina = api.get("celina", "/api/audit/decisions?actor=celina" + period).expect(200).json();
            assertThat(byCelina.get("decisions").valueStream().map(d -> d.get("type").asString()))
                    .containsExactly("ClosureApproved");
        });
        JsonNode secondPage = api.get("celina", "/api/audit/decisions?size=1&page=1" + period).expect(200).json();
        assertThat(secondPage.get("total").asLong()).isEqualTo(3);
        assertThat(secondPage.get("decisions").size()).isEqualTo(1);
        assertThat(secondPage.at("/decisions/0/type").asString()).isEqualTo("ClosureRequested");

        api.get("anna", "/api/audit/decisions").expect(403);
        api.get("celina", "/api/audit/decisions?size=0").expect(400);
    }

    private JsonNode timeline(String user, Journey journey) {
        return api.get(user, journey.path("/timeline")).expect(200).json();
    }

    private static JsonNode entry(JsonNode timeline, String type) {
        return timeline.get("entries").valueStream().filter(e -> e.get("type").asString().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + timeline));
    }
}
