package pl.sciezka.query.admin;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

@RestController
@RequestMapping("/api/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
class ProjectionAdminController {

    private final Projections projections;

    ProjectionAdminController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping
    List<ProjectionStatus> all() {
        return projections.all();
    }

    @GetMapping("/{name}/dead-letters")
    List<DeadLetterEntry> deadLetters(@PathVariable String name) {
        return projections.deadLetters(name).orElseThrow(() -> noSuch(name));
    }

    /** After the cause is fixed: every waiting sequence goes through the handlers once more. */
    @PostMapping("/{name}/dead-letters/retry")
    ProjectionStatus retryDeadLetters(@PathVariable String name) {
        return projections.retryDeadLetters(name).orElseThrow(() -> noSuch(name));
    }

    /** Every projection at once, in one pass over the events. */
    @PostMapping("/rebuild")
    ResponseEntity<Void> rebuildAll() {
        projections.rebuildAll();
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections")).build();
    }

    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        if (!projections.rebuild(name)) {
            throw noSuch(name);
        }
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections")).build();
    }

    private static RejectedException noSuch(String name) {
        return RejectedException.of(ProblemType.NOT_FOUND, "No projection named " + name + ".");
    }
}
