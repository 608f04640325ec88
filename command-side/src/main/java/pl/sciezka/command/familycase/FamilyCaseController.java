package pl.sciezka.command.familycase;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.api.Actor;
import pl.sciezka.api.familycase.AgreeSupportPlan;
import pl.sciezka.api.familycase.CloseGoal;
import pl.sciezka.api.familycase.Goal;
import pl.sciezka.api.familycase.HouseholdIndicators;
import pl.sciezka.api.familycase.MeetingDecision;
import pl.sciezka.api.familycase.MeetingParticipant;
import pl.sciezka.api.familycase.MemberIndicators;
import pl.sciezka.api.familycase.OpenFamilyCase;
import pl.sciezka.api.familycase.RecordDiagnosis;
import pl.sciezka.api.familycase.RecordMeeting;
import pl.sciezka.api.familycase.RecordOutcomeMeasurement;
import pl.sciezka.api.familycase.RegisterMember;
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
    ResponseEntity<Map<String, Object>> open(@Valid @RequestBody OpenFamilyCaseRequest request, Actor actor) {
        String caseId = commands.newId(actor, "caseId");
        long version = commands.send(
                new OpenFamilyCase(caseId, request.familyName(), request.district(), request.coordinatorId()), actor);
        return created(caseId, version, "caseId", caseId);
    }

    @PostMapping("/{caseId}/members")
    ResponseEntity<Map<String, Object>> registerMember(@PathVariable String caseId,
                                                       @Valid @RequestBody CaseRequests.RegisterMember request,
                                                       Actor actor) {
        String memberId = commands.newId(actor, "memberId");
        long version = commands.send(new RegisterMember(caseId, memberId, request.firstName(), request.lastName(),
                request.birthYear(), request.generation(), request.relation(), request.pesel()), actor);
        return created(caseId, version, "memberId", memberId);
    }

    @PostMapping("/{caseId}/diagnoses")
    ResponseEntity<Map<String, Object>> recordDiagnosis(@PathVariable String caseId,
                                                        @Valid @RequestBody RecordDiagnosisRequest request,
                                                        Actor actor) {
        String diagnosisId = commands.newId(actor, "diagnosisId");
        long version = commands.send(
                new RecordDiagnosis(caseId, diagnosisId, request.source(), request.diagnosedProblems()), actor);
        return created(caseId, version, "diagnosisId", diagnosisId);
    }

    /** Agrees the plan or revises it; goals sent without an id are new goals. */
    @PutMapping("/{caseId}/support-plan")
    ResponseEntity<Map<String, Object>> agreeSupportPlan(@PathVariable String caseId,
                                                         @Valid @RequestBody CaseRequests.AgreeSupportPlan request,
                                                         Actor actor) {
        List<Goal> goals = java.util.stream.IntStream.range(0, request.goals().size())
                .mapToObj(i -> {
                    CaseRequests.Goal goal = request.goals().get(i);
                    String goalId = goal.goalId() == null ? commands.newId(actor, "goalId-" + i) : goal.goalId();
                    return new Goal(goalId, goal.area(), goal.memberIds(), goal.description(), goal.targetDate());
                })
                .toList();
        Set<String> kept = request.goals().stream().map(CaseRequests.Goal::goalId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        PlanVersion written = commands.send(new AgreeSupportPlan(caseId, goals, kept), actor);
        return ResponseEntity.ok().eTag(Long.toString(written.version())).body(ordered(
                "planVersion", written.planVersion(),
                "goalIds", goals.stream().map(Goal::goalId).toList()));
    }

    @PostMapping("/{caseId}/support-plan/goals/{goalId}/{outcome:achievement|abandonment}")
    ResponseEntity<Map<String, Object>> closeGoal(@PathVariable String caseId, @PathVariable String goalId,
                                                  @PathVariable String outcome,
                                                  @Valid @RequestBody CaseRequests.CloseGoal request, Actor actor) {
        long version = commands.send(
                new CloseGoal(caseId, goalId, CaseRequests.goalStatus(outcome), request.reason()), actor);
        return done(caseId, version);
    }

    @PostMapping("/{caseId}/meetings")
    ResponseEntity<Map<String, Object>> recordMeeting(@PathVariable String caseId,
                                                      @Valid @RequestBody CaseRequests.RecordMeeting request,
                                                      Actor actor) {
        String meetingId = commands.newId(actor, "meetingId");
        List<MeetingParticipant> participants = request.participants().stream()
                .map(p -> new MeetingParticipant(p.name(), p.institution(), p.role(), p.userId())).toList();
        List<MeetingDecision> decisions = request.decisions() == null ? List.of() : request.decisions().stream()
                .map(d -> new MeetingDecision(d.text(), d.responsible(), d.dueBy())).toList();
        long version = commands.send(
                new RecordMeeting(caseId, meetingId, request.heldOn(), participants, decisions), actor);
        return created(caseId, version, "meetingId", meetingId);
    }

    @PostMapping("/{caseId}/outcome-measurements")
    ResponseEntity<Map<String, Object>> recordMeasurement(@PathVariable String caseId,
                                                          @Valid @RequestBody CaseRequests.RecordMeasurement request,
                                                          Actor actor) {
        String measurementId = commands.newId(actor, "measurementId");
        CaseRequests.Household household = request.household();
        List<MemberIndicators> members = request.members() == null ? List.of() : request.members().stream()
                .map(m -> new MemberIndicators(m.memberId(), m.employment(), m.inEducationOrTraining(),
                        m.schoolAttendanceRate(), m.openProblemAreas()))
                .toList();
        long version = commands.send(new RecordOutcomeMeasurement(caseId, measurementId, request.horizon(),
                request.measuredOn(), new HouseholdIndicators(household.incomePerPerson(),
                household.receivesSocialAssistance(), household.monthsOnAssistanceLast12(), household.housing()),
                members, request.correctsMeasurementId()), actor);
        return created(caseId, version, "measurementId", measurementId);
    }

    static ResponseEntity<Map<String, Object>> created(String caseId, long version, String idName, String id) {
        return ResponseEntity.created(URI.create("/api/cases/" + caseId))
                .eTag(Long.toString(version))
                .body(ordered(idName, id, "version", version));
    }

    static ResponseEntity<Map<String, Object>> done(String caseId, long version) {
        return ResponseEntity.ok().eTag(Long.toString(version)).body(ordered("caseId", caseId, "version", version));
    }

    /**
     * A response body whose fields keep the order given: Map.of iterates in an order that changes
     * from one JVM run to the next, and a replayed idempotent write must answer byte for byte what it
     * answered before a restart.
     */
    static Map<String, Object> ordered(String firstName, Object first, String secondName, Object second) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put(firstName, first);
        body.put(secondName, second);
        return body;
    }
}
