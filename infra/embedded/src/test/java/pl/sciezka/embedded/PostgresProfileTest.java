package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Profile {@code postgres}: the same JDBC event store on a real PostgreSQL server (binaries from
 * Maven Central, started by the test), tables created by the PostgreSQL migrations.
 */
class PostgresProfileTest {

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
                "--spring.datasource.password=")) {
            assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
            ApiClient api = new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());

            String caseId = api.openCase("anna", "Nowak");
            api.recordDiagnosis("anna", caseId, "POVERTY");

            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            assertThat(jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ?"
                    + " order by sequence_number", String.class, caseId))
                    .isEqualTo(List.of("pl.sciezka.api.familycase.FamilyCaseOpened",
                            "pl.sciezka.api.familycase.DiagnosisRecorded"));
            assertThat(jdbc.queryForObject("select max(version) from flyway_schema_history", String.class)).isEqualTo("1");
            Eventually.within(Duration.ofSeconds(15), () -> assertThat(
                    api.get("anna", "/api/cases/" + caseId).expect(200).json().get("version").asLong()).isEqualTo(1));
        }
    }
}
