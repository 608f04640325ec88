package pl.sciezka.command.familycase;

import static pl.sciezka.command.familycase.CaseFixture.*;
import static pl.sciezka.command.familycase.RejectionMatcher.rejection;

import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.familycase.ApproveClosure;
import pl.sciezka.api.familycase.CaseReopened;
import pl.sciezka.api.familycase.ClosureApproved;
import pl.sciezka.api.familycase.ClosureReason;
import pl.sciezka.api.familycase.ClosureRejected;
import pl.sciezka.api.familycase.ClosureRequested;
import pl.sciezka.api.familycase.CoordinatorReassigned;
import pl.sciezka.api.familycase.EraseMember;
import pl.sciezka.api.familycase.MemberErased;
import pl.sciezka.api.familycase.ReassignCoordinator;
import pl.sciezka.api.familycase.ReferralAccepted;
import pl.sciezka.api.familycase.RejectClosure;
import pl.sciezka.api.familycase.ReopenCase;
import pl.sciezka.api.familycase.RequestClosure;
import pl.sciezka.api.familycase.ReviewDecision;
import pl.sciezka.api.familycase.ReviewVerdict;
import pl.sciezka.api.problem.ProblemType;

class SupervisionTest {

    private static final ClosureRequested REQUESTED =
            new ClosureRequested(CASE_ID, ClosureReason.GOALS_ACHIEVED, "stable work", null);
    private static final ClosureApproved APPROVED = new ClosureApproved(CASE_ID, "agreed", TODAY);

    private FixtureConfiguration<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void coordinatorRequestsClosure() {
        fixture.given(OPENED)
                .when(new RequestClosure(CASE_ID, ClosureReason.GOALS_ACHIEVED, "stable work", null), ANNA)
                .expectEvents(REQUESTED);
    }

    @Test
    void cannotCloseCaseWithAcceptedReferralsUnlessTheRequestSaysWhy() {
        fixture.given(OPENED, PARENT_REGISTERED, REFERRAL, new ReferralAccepted(CASE_ID, REFERRAL.referralId()))
                .when(new RequestClosure(CASE_ID, ClosureReason.FAMILY_MOVED, "moved away", null), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.STATE_CONFLICT, null));
        fixture.given(OPENED, PARENT_REGISTERED, REFERRAL, new ReferralAccepted(CASE_ID, REFERRAL.referralId()))
                .when(new RequestClosure(CASE_ID, ClosureReason.FAMILY_MOVED, "moved away", "provider informed"), ANNA)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void supervisorApprovesClosureOnTheDayItIsApproved() {
        fixture.given(OPENED, REQUESTED)
                .when(new ApproveClosure(CASE_ID, "agreed"), CELINA)
                .expectEvents(APPROVED);
    }

    @Test
    void theRequesterCannotApproveTheirOwnClosure() {
        fixture.given(OPENED, GenericEventMessage.asEventMessage(REQUESTED).withMetaData(CELINA))
                .when(new ApproveClosure(CASE_ID, "self-approved"), CELINA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.FORBIDDEN, null));
    }

    @Test
    void caseworkerCannotApproveClosure() {
        fixture.given(OPENED, REQUESTED)
                .when(new ApproveClosure(CASE_ID, "ok"), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.FORBIDDEN, null));
    }

    @Test
    void cannotApproveWhatWasNotRequested() {
        fixture.given(OPENED)
                .when(new ApproveClosure(CASE_ID, "ok"), CELINA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.STATE_CONFLICT, null));
    }

    @Test
    void cannotCloseACaseTwice() {
        fixture.given(OPENED, REQUESTED, APPROVED)
                .when(new RequestClosure(CASE_ID, ClosureReason.OTHER, "again", null), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.STATE_CONFLICT, null));
    }

    @Test
    void supervisorRejectsClosureWithAComment() {
        fixture.given(OPENED, REQUESTED)
                .when(new RejectClosure(CASE_ID, "goals not met"), CELINA)
                .expectEvents(new ClosureRejected(CASE_ID, "goals not met"));
    }

    @Test
    void reopeningStartsANewEpisode() {
        fixture.given(OPENED, REQUESTED, APPROVED)
                .when(new ReopenCase(CASE_ID, "relapse"), ANNA)
                .expectEvents(new CaseReopened(CASE_ID, "relapse", 2));
    }

    @Test
    void onlyAClosedCaseIsReopened() {
        fixture.given(OPENED)
                .when(new ReopenCase(CASE_ID, "x"), CELINA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.STATE_CONFLICT, null));
    }

    @Test
    void supervisorReassignsTheCoordinatorWithAReason() {
        fixture.given(OPENED)
                .when(new ReassignCoordinator(CASE_ID, "bartek", "long leave"), CELINA)
                .expectEvents(new CoordinatorReassigned(CASE_ID, "anna", "bartek", "long leave"));
    }

    @Test
    void onlyASupervisorReassigns() {
        fixture.given(OPENED)
                .when(new ReassignCoordinator(CASE_ID, "bartek", "x"), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.FORBIDDEN, null));
    }

    @Test
    void afterReassignmentTheFormerCoordinatorNoLongerSeesTheCase() {
        fixture.given(OPENED, new CoordinatorReassigned(CASE_ID, "anna", "bartek", "leave"))
                .when(new RequestClosure(CASE_ID, ClosureReason.OTHER, "x", null), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.NOT_FOUND, null));
    }

    @Test
    void supervisorErasesAMembersPersonalData() {
        fixture.given(OPENED, PARENT_REGISTERED)
                .when(new EraseMember(CASE_ID, PARENT, "art. 17 request"), CELINA)
                .expectEvents(new MemberErased(CASE_ID, PARENT, "art. 17 request"));
    }

    @Test
    void aMemberIsErasedOnce() {
        fixture.given(OPENED, PARENT_REGISTERED, new MemberErased(CASE_ID, PARENT, "x"))
                .when(new EraseMember(CASE_ID, PARENT, "again"), CELINA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.STATE_CONFLICT, null));
    }

    @Test
    void caseworkerCannotErase() {
        fixture.given(OPENED, PARENT_REGISTERED)
                .when(new EraseMember(CASE_ID, PARENT, "x"), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.FORBIDDEN, null));
    }

    @Test
    void aReviewNamesAnEventOfThisCase() {
        fixture.given(OPENED)
                .when(new ReviewDecision(CASE_ID, "rv-1", "someone-elses-event", ReviewVerdict.QUERIED, "why?"), CELINA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.INVALID_INPUT, "eventId"));
    }

    @Test
    void rolesOutsideSupervisionAreRefused() {
        fixture.given(OPENED)
                .when(new ReviewDecision(CASE_ID, "rv-1", "x", ReviewVerdict.ENDORSED, "fine"), DAWID)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.FORBIDDEN, null));
        fixture.given(OPENED, REQUESTED)
                .when(new RejectClosure(CASE_ID, "x"), BARTEK)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.NOT_FOUND, null));
        fixture.given(OPENED).when(new ReopenCase(CASE_ID, "x"), PUP)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.FORBIDDEN, null));
    }
}
