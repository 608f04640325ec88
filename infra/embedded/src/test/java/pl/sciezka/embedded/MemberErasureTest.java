package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * After a supervisor erases a member, neither the raw event store nor any read model nor any read
 * endpoint holds that member's name or PESEL, while the other members stay readable.
 */
class MemberErasureTest extends EmbeddedApplicationTest {

    private static final String FIRST_NAME = "Bożydar";
    private static final String LAST_NAME = "Wichrowski";
    private static final String PESEL = "79072104569";

    @Autowired
    MongoTemplate mongo;

    @Test
    void anErasedMembersNameAndPeselAreNowhereAnymore() {
        Journey journey = new Journey(api).network();
        journey.caseId = api.openCase("anna", "Zawadzka");
        String erased = api.post("anna", journey.path("/members"), Map.of("firstName", FIRST_NAME,
                "lastName", LAST_NAME, "birthYear", 1979, "generation", "PARENT", "relation", "father",
                "pesel", PESEL)).expect(201).json().get("memberId").asString();
        journey.parentId = erased;
        journey.childId = api.post("anna", journey.path("/members"), Map.of("firstName", "Ola", "lastName", "Zawadzka",
                "birthYear", 2015, "generation", "CHILD", "relation", "daughter")).expect(201).json().get("memberId").asString();
        api.post("anna", journey.path("/diagnoses"), Map.of("source", "TASK_TEAM", "problems", List.of(Map.of(
                "area", "UNEMPLOYMENT", "severity", "HIGH", "memberIds", List.of(erased))))).expect(201);
        Instant beforeErasure = Instant.now();
        JsonNode readable = Eventually.get(Duration.ofSeconds(15), () -> {
            JsonNode file = api.get("celina", journey.path("")).expect(200).json();
            assertThat(file.get("version").asLong()).isEqualTo(3);
            return file;
        });
        assertThat(readable.toString()).contains(FIRST_NAME, LAST_NAME, PESEL);
        assertThat(rawEventStore()).doesNotContain(FIRST_NAME, LAST_NAME, PESEL);

        api.post("celina", journey.path("/members/" + erased + "/erasure"), Map.of("reason", "art. 17 request"))
                .expect(200);

        Eventually.within(Duration.ofSeconds(15), () -> assertThat(api.get("celina", journey.path("")).json()
                .get("version").asLong()).isEqualTo(4));
        Eventually.within(Duration.ofSeconds(15), () -> assertThat(allReadModels()).contains("\"MemberErased\""));
        assertThat(rawEventStore()).doesNotContain(FIRST_NAME, LAST_NAME, PESEL);
        assertThat(allReadModels()).doesNotContain(FIRST_NAME, LAST_NAME, PESEL).contains("Ola");
        for (String view : List.of("", "?asOf=" + beforeErasure, "?asOf=" + Instant.now())) {
            String body = api.get("celina", journey.path(view)).expect(200).body();
            assertThat(body).as(view).doesNotContain(FIRST_NAME, LAST_NAME, PESEL).contains("Ola");
        }
        assertThat(api.get("celina", journey.path("/timeline")).expect(200).body())
                .doesNotContain(FIRST_NAME, LAST_NAME, PESEL);
        assertThat(api.get("anna", "/api/caseload").body()).doesNotContain(FIRST_NAME, LAST_NAME, PESEL);
        assertThat(api.get("celina", "/api/outcomes/cases/" + journey.caseId).body())
                .doesNotContain(FIRST_NAME, LAST_NAME, PESEL);
        JsonNode member = api.get("celina", journey.path("?asOf=" + beforeErasure)).json().get("members").valueStream()
                .filter(m -> m.get("memberId").asString().equals(erased)).findFirst().orElseThrow();
        assertThat(member.get("firstName").asString()).isEqualTo("[usunięte]");
        assertThat(member.get("birthYear").asInt()).isEqualTo(1979);
    }

    /** Every byte of every stored event and its metadata, as text. */
    private String rawEventStore() {
        StringBuilder text = new StringBuilder();
        jdbc.query("select payload, meta_data from domain_event_entry", row -> {
            text.append(new String(row.getBytes("payload"), StandardCharsets.UTF_8));
            byte[] metadata = row.getBytes("meta_data");
            if (metadata != null) {
                text.append(new String(metadata, StandardCharsets.UTF_8));
            }
        });
        return text.toString();
    }

    /** Every document of every collection in MongoDB: read models and tracking tokens alike. */
    private String allReadModels() {
        StringBuilder text = new StringBuilder();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                text.append(document.toJson());
            }
        }
        return text.toString();
    }
}
