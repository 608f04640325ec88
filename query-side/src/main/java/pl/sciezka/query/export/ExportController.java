package pl.sciezka.query.export;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import pl.sciezka.api.Actor;

/** The pseudonymised event export for impact studies, as NDJSON streamed while it is read. */
@RestController
class ExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final EventExport export;

    ExportController(EventExport export) {
        this.export = export;
    }

    @GetMapping("/api/exports/events")
    @PreAuthorize("hasRole('EVALUATOR')")
    ResponseEntity<StreamingResponseBody> events(Actor actor) {
        EventExport.Body body = export.open(actor);
        return ResponseEntity.ok().contentType(NDJSON).body(body::writeTo);
    }
}
