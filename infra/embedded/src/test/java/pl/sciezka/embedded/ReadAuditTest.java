package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.query.pseudonyms.Pseudonyms;
import pl.sciezka.query.readaudit.ReadAuditMove;
import tools.jackson.databind.JsonNode;

/**
 * Supervisors see who read which case file, timeline or as-of view and when, including attempts that
 * were refused or found nothing, and an evaluator's read of a case named by its pseudonym under the
 * case's id; the record names people only by user id and cases only by id.
 */
class ReadAuditTest extends EmbeddedApplicationTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Pseudonyms pseudonyms;
    @Autowired
    ReadAuditMove move;

    @Test
    void everyReadOfACaseIsRecordedWithWhoWhatWhenAndHowItWasAnswered() {
        Journey journey = new Journey(api).family();
        String pseudonym = pseudonyms.of("case", journey.caseId);
        Eventually.within(Duration.ofSeconds(15), () -> {
            api.get("ewa", journey.path("")).expect(200);
            api.get("celina", journey.path("/timeline")).expect(200);
            api.get("dawid", "/api/outcomes/cases/" + pseudonym).expect(200);
        });
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS); // an instant the audit keeps exactly
        Instant asOf = from;

        api.get("anna", journey.path("")).expect(200);
        api.get("celina", journey.path("/timeline")).expect(200);
        api.get("celina", journey.path("?asOf=" + asOf)).expect(200);
        api.get("bartek", journey.path("")).expect(404);
        api.get("dawid", journey.path("")).expect(403);
        api.get("ewa", journey.path("/timeline")).expect(403);
        api.get("dawid", "/api/cases/" + pseudonym + "?asOf=" + asOf).expect(200);
        Instant to = Instant.now();

        JsonNode page = api.get("celina", "/api/audit/reads?caseId=" + journey.caseId + "&from=" + from + "&to=" + to)
                .expect(200).json();
        assertThat(page.get("total").asLong()).isEqualTo(7);
        List<JsonNode> reads = page.get("reads").valueStream().toList();
        assertThat(reads).extracting(read -> read.get("actor").asString() + " " + read.get("role").asString() + " "
                + read.get("kind").asString() + " " + read.get("outcome").asString()).containsExactly(
                "dawid EVALUATOR CASE_FILE_AS_OF SHOWN",
                "ewa SPECIALIST TIMELINE REFUSED",
                "dawid EVALUATOR CASE_FILE REFUSED",
                "bartek CASEWORKER CASE_FILE NOT_FOUND",
                "celina SUPERVISOR CASE_FILE_AS_OF SHOWN",
                "celina SUPERVISOR TIMELINE SHOWN",
                "anna CASEWORKER CASE_FILE SHOWN");
        assertThat(reads).allSatisfy(read -> {
            assertThat(read.get("caseId").asString()).isEqualTo(journey.caseId);
            Instant at = Instant.parse(read.get("at").asString());
            assertThat(at).isBetween(from, to);
        });
        assertThat(Instant.parse(reads.get(4).get("asOf").asString())).isEqualTo(asOf);
        assertThat(Instant.parse(reads.get(0).get("asOf").asString())).isEqualTo(asOf);

        JsonNode annas = api.get("celina", "/api/audit/reads?actor=anna&caseId=" + journey.caseId).expect(200).json();
        assertThat(annas.get("total").asLong()).isEqualTo(1);
        JsonNode paged = api.get("celina", "/api/audit/reads?caseId=" + journey.caseId + "&size=2&page=1&from=" + from
                + "&to=" + to).expect(200).json();
        assertThat(paged.get("reads").valueStream().map(read -> read.get("actor").asString()))
                .containsExactly("dawid", "bartek");
        assertThat(api.get("celina", "/api/audit/reads?caseId=" + journey.caseId + "&to=" + from.minusSeconds(60))
                .expect(200).json().get("total").asLong()).isZero();

        StringBuilder stored = new StringBuilder();
        jdbc.queryForList("select * from read_audit where case_id = ?", journey.caseId)
                .forEach(row -> row.values().forEach(value -> stored.append(value).append(' ')));
        assertThat(stored.toString()).contains(journey.caseId).doesNotContain("Jan", "Nowak", "Ola", "85031401237");
        // kept with the events, not among the read models, which may be deleted and rebuilt
        assertThat(mongo.collectionExists("read_audit")).isFalse();
    }

    @Test
    void readsThatAnEarlierVersionRecordedInMongoDbAreMovedToTheDatabaseOnce() {
        Instant at = Instant.parse("2026-11-02T10:15:30.123Z");
        String readId = new ObjectId().toHexString();
        mongo.getCollection("read_audit").insertOne(new Document("_id", readId).append("at", Date.from(at))
                .append("actor", "anna").append("role", "CASEWORKER").append("kind", "CASE_FILE_AS_OF")
                .append("caseId", "case-moved").append("asOf", Date.from(at.minusSeconds(3600))).append("outcome", "SHOWN"));

        assertThat(move.moveFromMongo()).isEqualTo(1);
        assertThat(move.moveFromMongo()).isZero();

        assertThat(mongo.collectionExists("read_audit")).isFalse();
        JsonNode page = api.get("celina", "/api/audit/reads?caseId=case-moved&from=2026-11-01T00:00:00Z").expect(200).json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode read = page.get("reads").get(0);
        assertThat(read.get("readId").asString()).isEqualTo(readId);
        assertThat(Instant.parse(read.get("at").asString())).isEqualTo(at);
        assertThat(Instant.parse(read.get("asOf").asString())).isEqualTo(at.minusSeconds(3600));
        assertThat(read.get("actor").asString() + " " + read.get("kind").asString() + " " + read.get("outcome").asString())
                .isEqualTo("anna CASE_FILE_AS_OF SHOWN");
    }

    /**
     * More reads at once than the database pool has connections (ten): each is answered and recorded. While
     * a query held a connection for its whole run, reads that each wanted a second one for their record
     * could take the pool between them and wait on each other until the pool's timeout.
     */
    @Test
    void moreReadsAtOnceThanThePoolHasConnectionsAreAllAnsweredAndRecorded() throws Exception {
        String caseId = api.openCase("anna", "Krawczyk");
        Eventually.within(Duration.ofSeconds(15), () -> api.get("anna", "/api/cases/" + caseId).expect(200));
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        List<ApiClient.Response> answers = Races.concurrently(40, n -> api.get("celina", n % 2 == 0
                ? "/api/cases/" + caseId : "/api/cases/" + caseId + "?asOf=" + Instant.now()));

        assertThat(answers).allSatisfy(answer -> answer.expect(200));
        assertThat(api.get("celina", "/api/audit/reads?actor=celina&caseId=" + caseId + "&from=" + from).expect(200)
                .json().get("total").asLong()).isEqualTo(40);
    }

    @Test
    void anExportIsRecordedAsARead() {
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        api.get("dawid", "/api/exports/events").expect(200);
        JsonNode page = api.get("celina", "/api/audit/reads?actor=dawid&from=" + from).expect(200).json();
        assertThat(page.get("reads").valueStream().map(read -> read.get("kind").asString()))
                .containsExactly("EVENT_EXPORT");
    }

    @Test
    void onlySupervisorsAuditReads() {
        for (String user : List.of("anna", "ewa", "dawid", "pup", "admin")) {
            api.get(user, "/api/audit/reads").expect(403);
        }
        api.get("celina", "/api/audit/reads?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z").expect(400);
        api.get("celina", "/api/audit/reads?size=0").expect(400);
    }
}
