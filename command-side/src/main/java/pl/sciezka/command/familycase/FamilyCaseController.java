package pl.sciezka.command.familycase;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.api.Actor;
import pl.sciezka.api.familycase.OpenFamilyCase;
import pl.sciezka.api.familycase.RecordDiagnosis;
import pl.sciezka.command.dispatch.CommandDispatcher;

/** Writes on family cases: HTTP in, command out, the new version back as the ETag. */
@RestController
@RequestMapping("/api/cases")
class FamilyCaseController {

    private final CommandDispatcher commands;

    FamilyCaseController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> open(@Valid @RequestBody OpenFamilyCaseRequest request, Actor actor) {
        String caseId = commands.newId(actor, "caseId");
        long version = commands.send(
                new OpenFamilyCase(caseId, request.familyName(), request.district(), request.coordinatorId()), actor);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId))
                .eTag(Long.toString(version))
                .body(Map.of("caseId", caseId));
    }

    @PostMapping("/{caseId}/diagnoses")
    ResponseEntity<Map<String, String>> recordDiagnosis(@PathVariable String caseId,
                                                        @Valid @RequestBody RecordDiagnosisRequest request,
                                                        Actor actor) {
        String diagnosisId = commands.newId(actor, "diagnosisId");
        long version = commands.send(
                new RecordDiagnosis(caseId, diagnosisId, request.source(), request.diagnosedProblems()), actor);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId))
                .eTag(Long.toString(version))
                .body(Map.of("diagnosisId", diagnosisId));
    }
}
