package pl.sciezka.command.familycase;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static pl.sciezka.command.familycase.CaseAccess.Party.COORDINATOR;
import static pl.sciezka.command.familycase.CaseAccess.Party.PROVIDER;
import static pl.sciezka.command.familycase.CaseAccess.Party.SPECIALIST;
import static pl.sciezka.command.familycase.CaseAccess.Party.SUPERVISOR;

import java.math.BigDecimal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import pl.sciezka.api.Actor;
import pl.sciezka.api.MetadataKeys;
import pl.sciezka.api.familycase.*;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.command.dispatch.CommandDispatcher;
import pl.sciezka.command.network.NetworkDirectory;

/**
 * A family case (<i>sprawa rodziny</i>): one event stream per family. Handlers check who acts and
 * the rules, then apply events; the state ({@link CaseState}) changes only in the one event-sourcing
 * handler. Every handler answers the case's version after the change, which the API returns as ETag.
 */
@Aggregate(cache = FamilyCaseCacheConfiguration.BEAN)
public class FamilyCase {

    @AggregateIdentifier
    private String caseId;
    private final CaseState state = new CaseState();

    protected FamilyCase() {
        // for Axon, which rebuilds the case from its events
    }

    /** CREATE_IF_MISSING rather than a constructor, so opening a case twice is a rule, not a storage error. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(OpenFamilyCase command, MetaData metadata) {
        String coordinator = CaseOpening.coordinatorOf(command, CommandDispatcher.actorOf(metadata));
        if (state.opened()) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "Case " + command.caseId() + " is already open.");
        }
        return applied(new FamilyCaseOpened(command.caseId(), command.familyName(), command.district(), coordinator));
    }

    @CommandHandler
    public long handle(RegisterMember command, MetaData metadata) {
        allow(metadata, COORDINATOR, SPECIALIST);
        CaseGuards.requireNotClosed(state);
        CaseGuards.requireNew(state.members.contains(command.memberId()), "Member", command.memberId());
        if (command.pesel() != null) {
            Pesel.problem(command.pesel(), command.birthYear()).ifPresent(problem -> {
                throw RejectedException.invalidField("pesel", problem);
            });
        }
        return applied(new MemberRegistered(caseId, command.memberId(), command.firstName(), command.lastName(),
                command.birthYear(), command.generation(), command.relation(), command.pesel()));
    }

    @CommandHandler
    public long handle(RecordDiagnosis command, MetaData metadata) {
        allow(metadata, COORDINATOR);
        CaseGuards.requireNotClosed(state);
        Diagnoses.check(command.problems(), state.members);
        CaseGuards.requireNew(state.diagnosisIds.contains(command.diagnosisId()), "Diagnosis", command.diagnosisId());
        return applied(new DiagnosisRecorded(caseId, command.diagnosisId(), command.source(), command.problems(),
                ProblemArea.CODE_LIST_VERSION));
    }

    @CommandHandler
    public PlanVersion handle(AgreeSupportPlan command, MetaData metadata) {
        allow(metadata, COORDINATOR);
        CaseGuards.requireNotClosed(state);
        SupportPlan.check(command.goals(), state.members);
        state.plan.requireKept(command.goals(), command.keptGoalIds());
        int planVersion = state.plan.nextVersion();
        return new PlanVersion(planVersion, applied(new SupportPlanAgreed(caseId, planVersion, command.goals())));
    }

    @CommandHandler
    public long handle(CloseGoal command, MetaData metadata) {
        allow(metadata, COORDINATOR);
        CaseGuards.requireNotClosed(state);
        if (command.status() == GoalStatus.OPEN) {
            throw RejectedException.invalidField("status", "a goal is closed as ACHIEVED or ABANDONED");
        }
        state.plan.requireOpenGoal("goalId", command.goalId());
        return applied(new GoalClosed(caseId, command.goalId(), command.status(), command.reason()));
    }

    /** Rule 4: support is individualised, so a referral names its members and, once a plan exists, its goal. */
    @CommandHandler
    public long handle(IssueReferral command, MetaData metadata, NetworkDirectory network) {
        allow(metadata, COORDINATOR);
        CaseGuards.requireNotClosed(state);
        state.members.requireNamed("memberIds", command.memberIds());
        state.plan.requireGoalServed(command.goalId());
        NetworkDirectory.OfferingTerms offering = Referrals.offeredTerms(network, command.offeringId());
        CaseGuards.requireNew(state.referrals.contains(command.referralId()), "Referral", command.referralId());
        return applied(new ReferralIssued(caseId, command.referralId(), command.offeringId(), offering.institutionId(),
                command.memberIds(), command.goalId(), command.reason(), offering.unitCost()));
    }

    @CommandHandler
    public long handle(AcceptReferral command, MetaData metadata, NetworkDirectory network) {
        Referrals.Referral referral = referralFor(metadata, network, command.referralId(), COORDINATOR, PROVIDER);
        CaseGuards.requireNotClosed(state);
        Referrals.requireStatus(referral, "accepted", ReferralStatus.ISSUED);
        return applied(new ReferralAccepted(caseId, command.referralId()));
    }

    @CommandHandler
    public long handle(DeclineReferral command, MetaData metadata, NetworkDirectory network) {
        Referrals.Referral referral = referralFor(metadata, network, command.referralId(), COORDINATOR, PROVIDER);
        CaseGuards.requireNotClosed(state);
        Referrals.requireStatus(referral, "declined", ReferralStatus.ISSUED);
        return applied(new ReferralDeclined(caseId, command.referralId(), command.reason()));
    }

    @CommandHandler
    public long handle(RevokeReferral command, MetaData metadata, NetworkDirectory network) {
        Referrals.Referral referral = referralFor(metadata, network, command.referralId(), COORDINATOR, SUPERVISOR);
        Referrals.requireStatus(referral, "revoked", ReferralStatus.ISSUED, ReferralStatus.ACCEPTED);
        return applied(new ReferralRevoked(caseId, command.referralId(), command.reason()));
    }

    @CommandHandler
    public long handle(RecordDropOut command, MetaData metadata, NetworkDirectory network) {
        Referrals.Referral referral = referralFor(metadata, network, command.referralId(), COORDINATOR, PROVIDER);
        Referrals.requireStatus(referral, "marked as dropped out", ReferralStatus.ACCEPTED);
        return applied(new ReferralDroppedOut(caseId, command.referralId(), command.reason()));
    }

    @CommandHandler
    public long handle(RecordDelivery command, MetaData metadata, NetworkDirectory network) {
        Referrals.Referral referral = referralFor(metadata, network, command.referralId(),
                COORDINATOR, SPECIALIST, PROVIDER);
        Referrals.requireStatus(referral, "given services", ReferralStatus.ACCEPTED);
        CaseGuards.requireNotInFuture("deliveredOn", command.deliveredOn());
        state.members.requireNamed("memberIds", command.memberIds());
        Referrals.requireReferred(referral, command.memberIds());
        CaseGuards.requireNew(state.deliveryIds.contains(command.deliveryId()), "Delivery", command.deliveryId());
        BigDecimal cost = referral.unitCost() == null ? null : referral.unitCost().multiply(command.units());
        return applied(new ServiceDelivered(caseId, command.referralId(), command.deliveryId(), command.deliveredOn(),
                command.units(), command.memberIds(), cost));
    }

    @CommandHandler
    public long handle(CompleteReferral command, MetaData metadata, NetworkDirectory network) {
        Referrals.Referral referral = referralFor(metadata, network, command.referralId(), COORDINATOR, PROVIDER);
        Referrals.requireStatus(referral, "completed", ReferralStatus.ACCEPTED);
        return applied(new ReferralCompleted(caseId, command.referralId(), command.outcome()));
    }

    /** Rule 2: the coordinator takes part in every task-team meeting about the family. */
    @CommandHandler
    public long handle(RecordMeeting command, MetaData metadata) {
        allow(metadata, COORDINATOR, SPECIALIST);
        CaseGuards.requireNotClosed(state);
        CaseGuards.requireNotInFuture("heldOn", command.heldOn());
        boolean coordinatorTookPart = command.participants().stream()
                .anyMatch(participant -> state.coordinatorId.equals(participant.userId()));
        if (!coordinatorTookPart) {
            throw RejectedException.invalidField("participants",
                    "the case's coordinator (" + state.coordinatorId + ") must be among the participants, by userId");
        }
        CaseGuards.requireNew(state.meetingIds.contains(command.meetingId()), "Meeting", command.meetingId());
        return applied(new TaskTeamMeetingHeld(caseId, command.meetingId(), command.heldOn(), command.participants(),
                command.decisions()));
    }

    @CommandHandler
    public long handle(RecordOutcomeMeasurement command, MetaData metadata) {
        allow(metadata, COORDINATOR, SPECIALIST);
        state.measurements.check(command, state.episode, state.closed(), state.closedOn, state.members, CaseGuards.today());
        CaseGuards.requireNew(state.measurements.contains(command.measurementId()), "Measurement", command.measurementId());
        return applied(new OutcomeMeasured(caseId, command.measurementId(), state.episode, command.horizon(),
                command.measuredOn(), command.household(), command.members(), command.correctsMeasurementId()));
    }

    @CommandHandler
    public long handle(RequestClosure command, MetaData metadata) {
        allow(metadata, COORDINATOR);
        CaseGuards.requireNotClosed(state);
        if (state.status == CaseStatus.CLOSURE_REQUESTED) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "Closure of case " + caseId + " is already requested.");
        }
        long underWay = state.referrals.underWay();
        if (underWay > 0 && CaseGuards.isBlank(command.openReferralsExplanation())) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, underWay + " accepted referral(s) are not completed;"
                    + " complete, revoke or mark them dropped out, or explain in openReferralsExplanation.");
        }
        return applied(new ClosureRequested(caseId, command.reason(), command.justification(),
                command.openReferralsExplanation()));
    }

    /** Four eyes: the supervisor who approves is not the one who asked. */
    @CommandHandler
    public long handle(ApproveClosure command, MetaData metadata) {
        Actor actor = allow(metadata, SUPERVISOR);
        CaseGuards.requireClosureRequested(state);
        if (actor.userId().equals(state.closureRequestedBy)) {
            throw RejectedException.of(ProblemType.FORBIDDEN, "The person who asked to close a case cannot approve it.");
        }
        return applied(new ClosureApproved(caseId, command.comment(), CaseGuards.today()));
    }

    @CommandHandler
    public long handle(RejectClosure command, MetaData metadata) {
        allow(metadata, SUPERVISOR);
        CaseGuards.requireClosureRequested(state);
        return applied(new ClosureRejected(caseId, command.comment()));
    }

    @CommandHandler
    public long handle(ReopenCase command, MetaData metadata) {
        allow(metadata, COORDINATOR, SUPERVISOR);
        if (!state.closed()) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "Case " + caseId + " is not closed.");
        }
        return applied(new CaseReopened(caseId, command.reason(), state.episode + 1));
    }

    @CommandHandler
    public long handle(EraseMember command, MetaData metadata) {
        allow(metadata, SUPERVISOR);
        Members.Member member = state.members.get(command.memberId());
        if (member == null) {
            throw RejectedException.of(ProblemType.NOT_FOUND, "No member " + command.memberId() + " in case " + caseId + ".");
        }
        if (member.erased()) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "Member " + command.memberId() + " is already erased.");
        }
        return applied(new MemberErased(caseId, command.memberId(), command.reason()));
    }

    /** Rule 1: one coordinator at a time; only a supervisor reassigns, with a reason. */
    @CommandHandler
    public long handle(ReassignCoordinator command, MetaData metadata) {
        allow(metadata, SUPERVISOR);
        if (command.coordinatorId().equals(state.coordinatorId)) {
            throw RejectedException.invalidField("coordinatorId", "already coordinates this case");
        }
        return applied(new CoordinatorReassigned(caseId, state.coordinatorId, command.coordinatorId(), command.reason()));
    }

    @CommandHandler
    public long handle(ReviewDecision command, MetaData metadata) {
        allow(metadata, SUPERVISOR);
        if (!state.eventIds.contains(command.eventId())) {
            throw RejectedException.invalidField("eventId", "no event with this id in case " + caseId);
        }
        CaseGuards.requireNew(state.reviewIds.contains(command.reviewId()), "Review", command.reviewId());
        return applied(new DecisionReviewed(caseId, command.reviewId(), command.eventId(), command.verdict(),
                command.comment()));
    }

    @EventSourcingHandler
    void on(FamilyCaseEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        caseId = event.caseId();
        state.apply(event, sequence, eventId, actorId);
    }

    private long applied(FamilyCaseEvent event) {
        apply(event);
        return state.version;
    }

    private Actor allow(MetaData metadata, CaseAccess.Party... parties) {
        Actor actor = CommandDispatcher.actorOf(metadata);
        CaseAccess.require(actor, caseId, state.coordinatorId, parties);
        return actor;
    }

    private Referrals.Referral referralFor(MetaData metadata, NetworkDirectory network, String referralId,
                                           CaseAccess.Party... parties) {
        return CaseAccess.referral(CommandDispatcher.actorOf(metadata), state, network, referralId, parties);
    }
}
