package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.sciezka.embedded.Journey.TODAY;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** A case file "as of" any past instant equals the live case file as it was recorded at that instant. */
class CaseFileAsOfTest extends EmbeddedApplicationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventStore events;

    @Test
    void asOfEachStepReturnsExactlyTheCaseFileOfThatStep() throws InterruptedException {
        Journey journey = new Journey(api).network();
        Map<Instant, String> recorded = new LinkedHashMap<>();
        List<Consumer<Journey>> steps = new ArrayList<>(List.of(
                Journey::family,
                j -> api.post("anna", j.path("/diagnoses"), Map.of("source", "COMMUNITY_INTERVIEW", "problems",
                        List.of(Map.of("area", "POVERTY", "severity", "HIGH", "memberIds", List.of(j.parentId))))).expect(201),
                Journey::acceptedReferral,
                j -> api.post("pup", j.path("/referrals/" + j.referralId + "/deliveries"), Map.of("deliveredOn",
                        TODAY.toString(), "units", 3, "memberIds", List.of(j.parentId))).expect(201),
                j -> api.post("anna", j.path("/closure-request"), Map.of("reason", "OTHER", "justification", "j",
                        "openReferralsExplanation", "provider continues")).expect(200),
                j -> api.post("celina", j.path("/closure-request/approval"), Map.of("comment", "ok")).expect(200)));
        for (Consumer<Journey> step : steps) {
            step.accept(journey);
            recorded.put(Instant.now(), liveOnceCaughtUp(journey));
            // the store keeps event times to the millisecond (asOfCountsAnEventFromTheMillisecondItIsStoredWith):
            // an event of the next step in this instant's millisecond would count as before it
            Thread.sleep(5);
        }

        recorded.forEach((instant, live) -> {
            ApiClient.Response asOf = api.get("celina", journey.path("?asOf=" + instant)).expect(200);
            assertThat(asOf.json()).as("as of %s", instant).isEqualTo(ApiClient.JSON.readTree(live));
        });
        JsonNode first = api.get("celina", journey.path("?asOf=" + recorded.keySet().iterator().next())).json();
        assertThat(first.get("members").size()).isEqualTo(2);
        assertThat(first.get("referrals").size()).isZero();
    }

    /**
     * A snapshot stands in for the events before it when an aggregate is loaded; the past is told from the
     * events themselves. None is taken today, but one taken later (or left by an operator's tool) must not
     * make the file as of any instant lose what happened before it.
     */
    @Test
    void aSnapshotOfTheCaseHidesNoneOfItsEventsFromThePast() throws InterruptedException {
        Journey journey = new Journey(api).network().family().acceptedReferral();
        String live = liveOnceCaughtUp(journey);
        long version = ApiClient.JSON.readTree(live).get("version").asLong();
        events.storeSnapshot(new GenericDomainEventMessage<>("FamilyCase", journey.caseId, version - 1,
                "a snapshot of the case's state"));
        Thread.sleep(5); // the store keeps times to the millisecond

        JsonNode asOfNow = api.get("celina", journey.path("?asOf=" + Instant.now())).expect(200).json();

        assertThat(asOfNow).isEqualTo(ApiClient.JSON.readTree(live));
    }

    @Test
    void asOfCountsAnEventFromTheMillisecondItIsStoredWith() {
        String caseId = api.openCase("anna", "Zielińska");
        Instant opened = Instant.parse(jdbc.queryForObject("select time_stamp from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = 0", String.class, caseId));
        Eventually.within(Duration.ofSeconds(15), () -> api.get("anna", "/api/cases/" + caseId).expect(200));

        assertThat(opened.getNano() % 1_000_000).as("stored to the millisecond").isZero();
        api.get("anna", "/api/cases/" + caseId + "?asOf=" + opened).expect(200);
        api.get("anna", "/api/cases/" + caseId + "?asOf=" + opened.plusNanos(999_999)).expect(200);
        api.get("anna", "/api/cases/" + caseId + "?asOf=" + opened.minusNanos(1_000)).expect(404);
    }

    @Test
    void beforeTheCaseWasOpenedThereIsNothingToSee() {
        Instant before = Instant.now().minusSeconds(60);
        String caseId = api.openCase("anna", "Kowalska");
        Eventually.within(Duration.ofSeconds(15), () -> api.get("anna", "/api/cases/" + caseId).expect(200));

        api.get("anna", "/api/cases/" + caseId + "?asOf=" + before).expect(404);
        api.get("bartek", "/api/cases/" + caseId + "?asOf=" + Instant.now()).expect(404);
        assertThat(api.get("anna", "/api/cases/" + caseId + "?asOf=yesterday").expect(400).json()
                .at("/errors/0/field").asString()).isEqualTo("asOf");
    }

    @Test
    void whoMayReadThePastIsDecidedByWhoHoldsTheCaseNow() throws InterruptedException {
        String caseId = api.openCase("anna", "Wiśniewska");
        Eventually.within(Duration.ofSeconds(15), () -> api.get("anna", "/api/cases/" + caseId).expect(200));
        Thread.sleep(5);
        Instant whileAnnaHeldIt = Instant.now();
        Thread.sleep(5);
        api.post("celina", "/api/cases/" + caseId + "/coordinator", Map.of("coordinatorId", "bartek", "reason", "leave"))
                .expect(200);
        Eventually.within(Duration.ofSeconds(15), () -> api.get("bartek", "/api/cases/" + caseId).expect(200));

        JsonNode past = api.get("bartek", "/api/cases/" + caseId + "?asOf=" + whileAnnaHeldIt).expect(200).json();
        assertThat(past.get("coordinatorId").asString()).isEqualTo("anna");
        api.get("anna", "/api/cases/" + caseId + "?asOf=" + whileAnnaHeldIt).expect(404);
    }

    /** A rebuild empties the case files first; who holds the case is told from its events, as its past is. */
    @Test
    void theHolderReadsThePastWhileTheCaseFileProjectionHasNoFileOfTheCase() throws InterruptedException {
        String caseId = api.openCase("anna", "Zielińska");
        Eventually.within(Duration.ofSeconds(15), () -> api.get("anna", "/api/cases/" + caseId).expect(200));
        Thread.sleep(5);
        String now = "/api/cases/" + caseId + "?asOf=" + Instant.now();

        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(caseId)), "case_files");

        api.get("anna", "/api/cases/" + caseId).expect(404);
        assertThat(api.get("anna", now).expect(200).json().get("familyName").asString()).isEqualTo("Zielińska");
        api.get("bartek", now).expect(404);
        api.get("celina", now).expect(200);
    }

    @Test
    void anEvaluatorSeesAPseudonymisedCaseFileAsOfAnInstantByItsPseudonym() {
        Journey journey = new Journey(api).network().family().acceptedReferral();
        api.post("anna", journey.path("/meetings"), Map.of("heldOn", TODAY.toString(), "participants", List.of(
                Map.of("name", "Anna Kowalczyk", "institution", "MOPS", "role", "koordynator", "userId", "anna")),
                "decisions", List.of(Map.of("text", "Jan Nowak idzie na staż", "responsible", "Jan Nowak",
                        "dueBy", TODAY.toString())))).expect(201);
        String pseudonym = Eventually.get(Duration.ofSeconds(15), () -> mongo.find(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("caseId").is(journey.caseId)),
                org.bson.Document.class, "case_pseudonyms").get(0).getString("_id"));

        ApiClient.Response seen = api.get("dawid", "/api/cases/" + pseudonym + "?asOf=" + Instant.now()).expect(200);

        JsonNode file = seen.json();
        assertThat(file.get("caseId").asString()).isEqualTo(pseudonym);
        assertThat(file.get("members").size()).isEqualTo(2);
        assertThat(file.at("/referrals/0/status/code").asString()).isEqualTo("ACCEPTED");
        assertThat(seen.body()).doesNotContain(journey.caseId, journey.parentId, journey.childId, "Jan", "Nowak",
                "85031401237", "Kowalczyk", "\"anna\"", "\"pup\"");
        api.get("dawid", "/api/cases/" + pseudonym).expect(403);
        api.get("dawid", "/api/cases/" + journey.caseId + "?asOf=" + Instant.now()).expect(404);
    }

    /** The live case file, once it shows the case's last stored event. */
    private String liveOnceCaughtUp(Journey journey) {
        long version = jdbc.queryForObject("select max(sequence_number) from domain_event_entry"
                + " where aggregate_identifier = ?", Long.class, journey.caseId);
        return Eventually.get(Duration.ofSeconds(15), () -> {
            ApiClient.Response response = api.get("celina", journey.path("")).expect(200);
            assertThat(response.json().get("version").asLong()).isEqualTo(version);
            return response.body();
        });
    }
}
