package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.sciezka.embedded.Journey.TODAY;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.query.export.EventExport;
import tools.jackson.databind.JsonNode;

/**
 * Evaluators export every stored event as NDJSON: one line per event, in the store's order, with
 * case, member, user and event ids replaced by stable pseudonyms and personal fields left out.
 */
class EventExportTest extends EmbeddedApplicationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    EventExport export;

    @Test
    void everyStoredEventIsOneLineWithStablePseudonyms() {
        Journey journey = new Journey(api).network().family().acceptedReferral();
        api.post("pup", journey.path("/referrals/" + journey.referralId + "/deliveries"), Map.of(
                "deliveredOn", TODAY.toString(), "units", 2, "memberIds", List.of(journey.parentId))).expect(201);

        ApiClient.Response first = api.get("dawid", "/api/exports/events").expect(200);
        long stored = storedEvents();
        ApiClient.Response second = api.get("dawid", "/api/exports/events").expect(200);

        assertThat(first.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(first.header("Content-Length")).as("streamed, not buffered").isNull();
        List<String> lines = Arrays.asList(first.body().split("\n"));
        assertThat(lines).hasSize((int) stored);
        assertThat(second.body()).as("the same events give the same lines").isEqualTo(first.body());

        List<JsonNode> events = lines.stream().map(ApiClient.JSON::readTree).toList();
        assertThat(events).extracting(event -> event.get("position").asLong()).isSorted().doesNotHaveDuplicates();

        String body = first.body();
        assertThat(body).doesNotContain(journey.caseId, journey.parentId, journey.childId, "\"anna\"", "\"pup\"",
                "\"admin\"", "85031401237", "\"Jan\"", "\"Ola\"", "Nowak", "aktywizacja", "stała praca");

        JsonNode opened = events.stream().filter(event -> event.get("type").asString().equals("FamilyCaseOpened"))
                .reduce((earlier, later) -> later).orElseThrow();
        String casePseudonym = opened.get("caseId").asString();
        assertThat(casePseudonym).startsWith("case-");
        assertThat(opened.at("/payload/caseId").asString()).isEqualTo(casePseudonym);
        assertThat(opened.at("/payload/coordinatorId").asString()).startsWith("user-");
        assertThat(opened.at("/payload/district").asString()).isEqualTo("Wilchwy");
        assertThat(opened.at("/payload").has("familyName")).isFalse();
        assertThat(opened.get("actor").asString()).isEqualTo(opened.at("/payload/coordinatorId").asString());
        assertThat(opened.get("role").asString()).isEqualTo("CASEWORKER");
        assertThat(opened.get("eventId").asString()).startsWith("event-");

        List<JsonNode> caseEvents = events.stream()
                .filter(event -> casePseudonym.equals(event.path("caseId").asString(null))).toList();
        assertThat(caseEvents).extracting(event -> event.get("type").asString()).containsExactly(
                "FamilyCaseOpened", "MemberRegistered", "MemberRegistered", "SupportPlanAgreed", "ReferralIssued",
                "ReferralAccepted", "ServiceDelivered");
        assertThat(caseEvents).extracting(event -> event.get("sequence").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        JsonNode parent = caseEvents.get(1).get("payload");
        assertThat(parent.get("memberId").asString()).startsWith("member-");
        assertThat(parent.get("birthYear").asInt()).isEqualTo(1985);
        assertThat(parent.get("generation").asString()).isEqualTo("PARENT");
        assertThat(parent.has("firstName") || parent.has("lastName") || parent.has("pesel") || parent.has("relation"))
                .isFalse();
        JsonNode issued = caseEvents.get(4).get("payload");
        assertThat(issued.get("offeringId").asString()).isEqualTo(journey.offeringId);
        assertThat(issued.get("memberIds").get(0).asString()).isEqualTo(parent.get("memberId").asString());
        assertThat(issued.has("reason")).isFalse();
        JsonNode delivered = caseEvents.get(6).get("payload");
        assertThat(delivered.get("units").decimalValue()).isEqualByComparingTo("2");
        assertThat(delivered.get("cost").decimalValue()).isEqualByComparingTo("2501.0");
        assertThat(caseEvents.get(5).get("actor").asString()).startsWith("user-")
                .isNotEqualTo(opened.get("actor").asString());

        // the pseudonym is the one the evaluator's outcome views know the case by
        Eventually.within(Duration.ofSeconds(15), () ->
                assertThat(api.get("dawid", "/api/outcomes/cases/" + casePseudonym).expect(200).json()
                        .get("caseId").asString()).isEqualTo(casePseudonym));
    }

    /** Stands in for events of a kind the export has no rules for. */
    record Filler(String note) {
    }

    @Test
    void theExportIsWrittenAndFlushedWhileTheStoreIsRead() throws Exception {
        List<EventMessage<?>> fillers = new ArrayList<>();
        for (int i = 0; i < 350; i++) {
            fillers.add(GenericEventMessage.asEventMessage(new Filler("Jan Nowak " + i)));
        }
        eventStore.publish(fillers);
        long stored = storedEvents();

        List<Long> bytesAtEachFlush = new ArrayList<>();
        ByteArrayOutputStream written = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                bytesAtEachFlush.add((long) size());
            }
        };
        export.open(new Actor("dawid", Role.EVALUATOR)).writeTo(written);

        List<String> lines = written.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize((int) stored);
        assertThat(bytesAtEachFlush).as("flushed every hundred lines, not once at the end")
                .hasSizeGreaterThanOrEqualTo((int) (stored / 100)).isSorted();
        long firstHundredLines = lines.subList(0, 100).stream()
                .mapToLong(line -> line.getBytes(StandardCharsets.UTF_8).length + 1).sum();
        assertThat(bytesAtEachFlush.get(0)).as("the first flush came after the first hundred lines")
                .isEqualTo(firstHundredLines);
        assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"Filler\"", "\"payloadWithheld\":true")
                .doesNotContain("Jan Nowak");
    }

    @Test
    void onlyEvaluatorsExport() {
        for (String user : List.of("anna", "ewa", "celina", "pup", "admin")) {
            api.get(user, "/api/exports/events").expect(403);
        }
        api.get(null, "/api/exports/events").expect(401);
    }
}
