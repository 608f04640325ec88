package pl.sciezka.command.familycase;

import static pl.sciezka.command.familycase.FamilyCaseController.created;
import static pl.sciezka.command.familycase.FamilyCaseController.done;

import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.api.Actor;
import pl.sciezka.api.familycase.ApproveClosure;
import pl.sciezka.api.familycase.EraseMember;
import pl.sciezka.api.familycase.ReassignCoordinator;
import pl.sciezka.api.familycase.RejectClosure;
import pl.sciezka.api.familycase.ReopenCase;
import pl.sciezka.api.familycase.RequestClosure;
import pl.sciezka.api.familycase.ReviewDecision;
import pl.sciezka.command.dispatch.CommandDispatcher;

/** Closure with four eyes, reopening, erasure, reassignment and reviews of earlier decisions. */
@RestController
@RequestMapping("/api/cases/{caseId}")
class SupervisionController {

    private final CommandDispatcher commands;

    SupervisionController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/closure-request")
    ResponseEntity<Map<String, Object>> requestClosure(@PathVariable String caseId,
                                                       @Valid @RequestBody SupervisionRequests.ClosureRequest request,
                                                       Actor actor) {
        return done(caseId, commands.send(new RequestClosure(caseId, request.reason(), request.justification(),
                request.openReferralsExplanation()), actor));
    }

    @PostMapping("/closure-request/approval")
    ResponseEntity<Map<String, Object>> approveClosure(@PathVariable String caseId,
                                                       @Valid @RequestBody SupervisionRequests.Comment request,
                                                       Actor actor) {
        return done(caseId, commands.send(new ApproveClosure(caseId, request.comment()), actor));
    }

    @PostMapping("/closure-request/rejection")
    ResponseEntity<Map<String, Object>> rejectClosure(@PathVariable String caseId,
                                                      @Valid @RequestBody SupervisionRequests.Comment request,
                                                      Actor actor) {
        return done(caseId, commands.send(new RejectClosure(caseId, request.comment()), actor));
    }

    @PostMapping("/reopening")
    ResponseEntity<Map<String, Object>> reopen(@PathVariable String caseId,
                                               @Valid @RequestBody SupervisionRequests.Reason request, Actor actor) {
        return done(caseId, commands.send(new ReopenCase(caseId, request.reason()), actor));
    }

    @PostMapping("/members/{memberId}/erasure")
    ResponseEntity<Map<String, Object>> erase(@PathVariable String caseId, @PathVariable String memberId,
                                              @Valid @RequestBody SupervisionRequests.Reason request, Actor actor) {
        return done(caseId, commands.send(new EraseMember(caseId, memberId, request.reason()), actor));
    }

    @PostMapping("/coordinator")
    ResponseEntity<Map<String, Object>> reassign(@PathVariable String caseId,
                                                 @Valid @RequestBody SupervisionRequests.Reassignment request,
                                                 Actor actor) {
        return done(caseId, commands.send(new ReassignCoordinator(caseId, request.coordinatorId(), request.reason()),
                actor));
    }

    @PostMapping("/reviews")
    ResponseEntity<Map<String, Object>> review(@PathVariable String caseId,
                                               @Valid @RequestBody SupervisionRequests.Review request, Actor actor) {
        String reviewId = commands.newId(actor, "reviewId");
        long version = commands.send(new ReviewDecision(caseId, reviewId, request.eventId(), request.verdict(),
                request.comment()), actor);
        return created(caseId, version, "reviewId", reviewId);
    }
}
