package pl.sciezka.bench.extension;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletRequest;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import tools.jackson.databind.JsonNode;

/**
 * The baseline of the command benchmark: what a team would build without event sourcing. It takes
 * the same requests as the real write endpoints (same users, same JSON bodies, under
 * {@code /bench/baseline/cases}), checks that the caller may touch the case, and stores each write
 * as one row holding its JSON, with plain JDBC, in the application's own database and transaction
 * manager, behind the same HTTP stack, security and JSON mapper.
 */
@RestController
@RequestMapping("/bench/baseline/cases")
class BaselineController {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    BaselineController(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Once the application is up: Flyway refuses to migrate a schema that already holds tables it did not make. */
    @EventListener(ApplicationReadyEvent.class)
    void createTables() {
        jdbc.execute("create table if not exists baseline_case (case_id varchar(36) primary key,"
                + " coordinator_id varchar(64) not null, body varchar(65536) not null,"
                + " written_at timestamp with time zone not null)");
        jdbc.execute("create table if not exists baseline_write (write_id varchar(36) primary key,"
                + " case_id varchar(36) not null references baseline_case (case_id), path varchar(512) not null,"
                + " actor_id varchar(64) not null, body varchar(262144), written_at timestamp with time zone not null)");
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> open(@RequestBody JsonNode body, Actor actor) {
        String caseId = UUID.randomUUID().toString();
        String coordinatorId = body.path("coordinatorId").isString() ? body.get("coordinatorId").asString() : actor.userId();
        jdbc.update("insert into baseline_case (case_id, coordinator_id, body, written_at) values (?, ?, ?, ?)",
                caseId, coordinatorId, body.toString(), Timestamp.from(Instant.now()));
        return ResponseEntity.created(URI.create("/bench/baseline/cases/" + caseId)).body(Map.of("caseId", caseId));
    }

    @PostMapping("/{caseId}/**")
    ResponseEntity<Map<String, Object>> write(@PathVariable String caseId,
                                              @RequestBody(required = false) JsonNode body,
                                              Actor actor, HttpServletRequest request) {
        String writeId = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            List<String> coordinator = jdbc.queryForList(
                    "select coordinator_id from baseline_case where case_id = ?", String.class, caseId);
            if (coordinator.isEmpty() || actor.is(Role.CASEWORKER) && !coordinator.get(0).equals(actor.userId())) {
                throw RejectedException.of(ProblemType.NOT_FOUND, "No case with id " + caseId + ".");
            }
            jdbc.update("insert into baseline_write (write_id, case_id, path, actor_id, body, written_at)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    writeId, caseId, request.getRequestURI(), actor.userId(),
                    body == null ? null : body.toString(), Timestamp.from(Instant.now()));
        });
        return ResponseEntity.created(URI.create(request.getRequestURI())).body(Map.of("id", writeId));
    }
}
