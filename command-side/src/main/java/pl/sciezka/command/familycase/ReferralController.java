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
import pl.sciezka.api.familycase.AcceptReferral;
import pl.sciezka.api.familycase.CompleteReferral;
import pl.sciezka.api.familycase.DeclineReferral;
import pl.sciezka.api.familycase.IssueReferral;
import pl.sciezka.api.familycase.RecordDelivery;
import pl.sciezka.api.familycase.RecordDropOut;
import pl.sciezka.api.familycase.RevokeReferral;
import pl.sciezka.command.dispatch.CommandDispatcher;

/** A referral's path: issued → accepted or declined → services delivered → completed, revoked or dropped out. */
@RestController
@RequestMapping("/api/cases/{caseId}/referrals")
class ReferralController {

    private final CommandDispatcher commands;

    ReferralController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> issue(@PathVariable String caseId,
                                              @Valid @RequestBody ReferralRequests.Issue request, Actor actor) {
        String referralId = commands.newId(actor, "referralId");
        long version = commands.send(new IssueReferral(caseId, referralId, request.offeringId(), request.memberIds(),
                request.goalId(), request.reason()), actor);
        return created(caseId, version, "referralId", referralId);
    }

    @PostMapping("/{referralId}/acceptance")
    ResponseEntity<Map<String, Object>> accept(@PathVariable String caseId, @PathVariable String referralId,
                                               Actor actor) {
        return done(caseId, commands.send(new AcceptReferral(caseId, referralId), actor));
    }

    @PostMapping("/{referralId}/decline")
    ResponseEntity<Map<String, Object>> decline(@PathVariable String caseId, @PathVariable String referralId,
                                                @Valid @RequestBody ReferralRequests.Reason request, Actor actor) {
        return done(caseId, commands.send(new DeclineReferral(caseId, referralId, request.reason()), actor));
    }

    @PostMapping("/{referralId}/revocation")
    ResponseEntity<Map<String, Object>> revoke(@PathVariable String caseId, @PathVariable String referralId,
                                               @Valid @RequestBody ReferralRequests.Reason request, Actor actor) {
        return done(caseId, commands.send(new RevokeReferral(caseId, referralId, request.reason()), actor));
    }

    @PostMapping("/{referralId}/dropout")
    ResponseEntity<Map<String, Object>> dropOut(@PathVariable String caseId, @PathVariable String referralId,
                                                @Valid @RequestBody ReferralRequests.Reason request, Actor actor) {
        return done(caseId, commands.send(new RecordDropOut(caseId, referralId, request.reason()), actor));
    }

    @PostMapping("/{referralId}/deliveries")
    ResponseEntity<Map<String, Object>> deliver(@PathVariable String caseId, @PathVariable String referralId,
                                                @Valid @RequestBody ReferralRequests.Delivery request, Actor actor) {
        String deliveryId = commands.newId(actor, "deliveryId");
        long version = commands.send(new RecordDelivery(caseId, referralId, deliveryId, request.deliveredOn(),
                request.units(), request.memberIds()), actor);
        return created(caseId, version, "deliveryId", deliveryId);
    }

    @PostMapping("/{referralId}/completion")
    ResponseEntity<Map<String, Object>> complete(@PathVariable String caseId, @PathVariable String referralId,
                                                 @Valid @RequestBody ReferralRequests.Completion request, Actor actor) {
        return done(caseId, commands.send(new CompleteReferral(caseId, referralId, request.outcome()), actor));
    }
}
