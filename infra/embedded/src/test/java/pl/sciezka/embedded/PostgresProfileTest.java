package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.personaldata.PersonalData;
import pl.sciezka.embedded.PersonalDataTestEvents.PersonRegistered;
import pl.sciezka.platform.personaldata.PersonalDataKeys;

/**
 * Profile {@code postgres}: the same JDBC event store on a real PostgreSQL server (binaries from
 * Maven Central, started by the test), tables created by the PostgreSQL migrations, personal data
 * encrypted with keys in that database; and the production settings every such profile shares.
 */
class PostgresProfileTest {

    private static final Map<String, Object> POVERTY = ApiClient.diagnosis("POVERTY");

    private static final TestTokens TOKENS = new TestTokens();

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void casesAreStoredInPostgresAndProjected() throws Exception {
        SpringApplication application = new SpringApplication(SciezkaApplication.class);
        application.setAdditionalProfiles("postgres");
        try (ConfigurableApplicationContext context = application.run(
                "--server.port=0",
                "--sciezka.data-dir=" + Files.createTempDirectory("sciezka-postgres"),
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                TOKENS.publicKeyArgument())) {
            assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            ApiClient api = TOKENS.client(port);

            String caseId = api.openCase("anna", "Nowak");
            api.recordDiagnosis("anna", caseId, "POVERTY");

            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            assertThat(jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ?"
                    + " order by sequence_number", String.class, caseId))
                    .isEqualTo(List.of("pl.sciezka.api.familycase.FamilyCaseOpened",
                            "pl.sciezka.api.familycase.DiagnosisRecorded"));
            assertThat(jdbc.queryForList("select version from flyway_schema_history where success", String.class))
                    .contains("1", "2", "3");
            Eventually.within(Duration.ofSeconds(15), () -> assertThat(
                    api.get("anna", "/api/cases/" + caseId).expect(200).json().get("version").asLong()).isEqualTo(1));

            personalDataIsEncryptedAndErasable(context.getBean(EventStore.class),
                    context.getBean(PersonalDataKeys.class), jdbc);
            productionSettingsHold(context, new ApiClient(port));
        }
    }

    /**
     * What sciezka-production.yml brings: no demo users, Basic refused, majority journaled Mongo writes,
     * and no family cases kept between commands, since several nodes may write the store.
     */
    private static void productionSettingsHold(ConfigurableApplicationContext context, ApiClient basic) {
        assertThat(context.getBeansOfType(UserDetailsService.class)).isEmpty();
        assertThat(context.getBean("familyCaseCache")).isSameAs(NoCache.INSTANCE);
        basic.get("anna", "/api/caseload").expectProblem(401, "unauthenticated");

        MongoDatabase readModels = context.getBean(MongoClient.class).getDatabase("sciezka");
        assertThat(readModels.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
        assertThat(readModels.getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
    }

    private static void personalDataIsEncryptedAndErasable(EventStore events, PersonalDataKeys keys, JdbcTemplate jdbc) {
        String fileId = UUID.randomUUID().toString();
        String personId = UUID.randomUUID().toString();
        events.publish(PersonalDataTestEvents.event(fileId, 0, new PersonRegistered(fileId, personId, "Janina",
                "Kowalska", "85010112345", 1985, Generation.PARENT)));
        assertThat(new String(jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ?",
                byte[].class, fileId), StandardCharsets.UTF_8)).doesNotContain("Kowalska").contains("AES-256-GCM");
        assertThat(((PersonRegistered) events.readEvents(fileId).next().getPayload()).lastName()).isEqualTo("Kowalska");

        keys.destroy(personId);

        assertThat(events.readEvents(fileId).next().getPayload()).isEqualTo(new PersonRegistered(fileId, personId,
                PersonalData.ERASED, PersonalData.ERASED, PersonalData.ERASED, 1985, Generation.PARENT));
    }

    /**
     * Two command-side nodes on one PostgreSQL, as when the command side scales out: PostgreSQL's own
     * unique-key errors must read as lost races (retried) and its row locks must hold a repeated key.
     */
    @Test
    void writesRacingOnTwoNodesOverOnePostgresAreNeitherLostNorDoubled() throws Exception {
        try (ConfigurableApplicationContext first = startNode(); ConfigurableApplicationContext second = startNode()) {
            ApiClient[] nodes = {clientOf(first), clientOf(second)};
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            nodes[1].openCase("anna", "Warm-up"); // a cold node is too slow to race
            String caseId = nodes[0].openCase("anna", "Nowak");
            String diagnoses = "/api/cases/" + caseId + "/diagnoses";

            Races.assertEachSucceededAtItsOwnVersion(Races.concurrently(16,
                    i -> nodes[i % 2].post("anna", diagnoses, POVERTY)));

            String key = UUID.randomUUID().toString();
            List<ApiClient.Response> repeats = Races.concurrently(4,
                    i -> nodes[i % 2].post("anna", diagnoses, POVERTY, "Idempotency-Key", key));
            Races.assertAllSame(repeats);
            assertThat(repeats.get(0).header("ETag")).isEqualTo("\"17\"");

            nodes[1].post("anna", diagnoses, POVERTY, "If-Match", "\"16\"")
                    .expectProblem(412, "precondition-failed");
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                    Long.class, caseId)).isEqualTo(18);
        }
    }

    private static ConfigurableApplicationContext startNode() throws Exception {
        SpringApplication application = new SpringApplication(SciezkaApplication.class);
        application.setAdditionalProfiles("postgres");
        return application.run(
                "--server.port=0",
                "--sciezka.data-dir=" + Files.createTempDirectory("sciezka-postgres-node"),
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                TOKENS.publicKeyArgument());
    }

    private static ApiClient clientOf(ConfigurableApplicationContext node) {
        return TOKENS.client(((WebServerApplicationContext) node).getWebServer().getPort());
    }
}
