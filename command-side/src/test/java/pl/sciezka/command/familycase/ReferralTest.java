package pl.sciezka.command.familycase;

import static pl.sciezka.command.familycase.CaseFixture.*;
import static pl.sciezka.command.familycase.RejectionMatcher.rejection;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.familycase.AcceptReferral;
import pl.sciezka.api.familycase.CompleteReferral;
import pl.sciezka.api.familycase.DeclineReferral;
import pl.sciezka.api.familycase.IssueReferral;
import pl.sciezka.api.familycase.RecordDelivery;
import pl.sciezka.api.familycase.RecordDropOut;
import pl.sciezka.api.familycase.ReferralAccepted;
import pl.sciezka.api.familycase.ReferralCompleted;
import pl.sciezka.api.familycase.ReferralDeclined;
import pl.sciezka.api.familycase.ReferralDroppedOut;
import pl.sciezka.api.familycase.ReferralIssued;
import pl.sciezka.api.familycase.ReferralOutcome;
import pl.sciezka.api.familycase.ReferralRevoked;
import pl.sciezka.api.familycase.RevokeReferral;
import pl.sciezka.api.familycase.ServiceDelivered;
import pl.sciezka.api.problem.ProblemType;

class ReferralTest {

    private static final ReferralAccepted ACCEPTED = new ReferralAccepted(CASE_ID, REFERRAL.referralId());

    private FixtureConfiguration<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static IssueReferral issue(String offeringId, List<String> memberIds, String goalId) {
        return new IssueReferral(CASE_ID, "r-1", offeringId, memberIds, goalId, "vocational activation");
    }

    private static RecordDelivery delivery(String deliveryId, List<String> memberIds) {
        return new RecordDelivery(CASE_ID, REFERRAL.referralId(), deliveryId, TODAY, new BigDecimal("2"), memberIds);
    }

    @Test
    void coordinatorRefersMembersToAnOfferingAtItsUnitCost() {
        fixture.given(OPENED, PARENT_REGISTERED)
                .when(issue(OFFERING, List.of(PARENT), null), ANNA)
                .expectEvents(REFERRAL);
    }

    @Test
    void onceAPlanExistsAReferralNamesTheGoalItServes() {
        fixture.given(OPENED, PARENT_REGISTERED, PLAN)
                .when(issue(OFFERING, List.of(PARENT), null), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.INVALID_INPUT, "goalId"));
    }

    @Test
    void aReferralServingAGoalOfThePlanIsIssued() {
        fixture.given(OPENED, PARENT_REGISTERED, PLAN)
                .when(issue(OFFERING, List.of(PARENT), JOB.goalId()), ANNA)
                .expectEvents(new ReferralIssued(CASE_ID, "r-1", OFFERING, INSTITUTION, List.of(PARENT), JOB.goalId(),
                        "vocational activation", UNIT_COST));
    }

    @Test
    void aReferralNamesTheMembersItIsFor() {
        fixture.given(OPENED, PARENT_REGISTERED)
                .when(issue(OFFERING, List.of(), null), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.INVALID_INPUT, "memberIds"));
    }

    @Test
    void cannotReferToAnUnknownOffering() {
        fixture.given(OPENED, PARENT_REGISTERED)
                .when(issue("no-such-offering", List.of(PARENT), null), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.INVALID_INPUT, "offeringId"));
    }

    @Test
    void cannotReferToAWithdrawnOffering() {
        fixture.given(OPENED, PARENT_REGISTERED)
                .when(issue(WITHDRAWN_OFFERING, List.of(PARENT), null), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.STATE_CONFLICT, null));
    }

    @Test
    void providerOfTheOfferingsInstitutionAcceptsTheReferral() {
        fixture.given(OPENED, PARENT_REGISTERED, REFERRAL)
                .when(new AcceptReferral(CASE_ID, REFERRAL.referralId()), PUP)
                .expectEvents(ACCEPTED);
    }

    @Test
    void providerOfAnotherInstitutionCannotSeeTheReferral() {
        fixture.given(OPENED, PARENT_REGISTERED, REFERRAL)
                .when(new AcceptReferral(CASE_ID, REFERRAL.referralId()), OTHER_PROVIDER)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.NOT_FOUND, null));
    }

    @Test
    void coordinatorDeclinesOnTheProvidersBehalf() {
        fixture.given(OPENED, PARENT_REGISTERED, REFERRAL)
                .when(new DeclineReferral(CASE_ID, REFERRAL.referralId(), "no places"), ANNA)
                .expectEvents(new ReferralDeclined(CASE_ID, REFERRAL.referralId(), "no places"));
    }

    @Test
    void cannotAcceptAReferralTwice() {
        fixture.given(OPENED, PARENT_REGISTERED, REFERRAL, ACCEPTED)
                .when(new AcceptReferral(CASE_ID, REFERRAL.referralId()), PUP)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.STATE_CONFLICT, null));
    }

    @Test
    void servicesAreDeliveredOnlyOnAcceptedReferrals() {
        fixture.given(OPENED, PARENT_REGISTERED, REFERRAL)
                .when(delivery("dl-1", List.of(PARENT)), PUP)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.STATE_CONFLICT, null));
    }

    @Test
    void aDeliveryCostsItsUnitsAtTheReferralsUnitCost() {
        fixture.given(OPENED, PARENT_REGISTERED, REFERRAL, ACCEPTED)
                .when(delivery("dl-1", List.of(PARENT)), EWA)
                .expectEvents(new ServiceDelivered(CASE_ID, REFERRAL.referralId(), "dl-1", TODAY, new BigDecimal("2"),
                        List.of(PARENT), new BigDecimal("300.00")));
    }

    @Test
    void onlyReferredMembersAttendServices() {
        fixture.given(OPENED, PARENT_REGISTERED, CHILD_REGISTERED, REFERRAL, ACCEPTED)
                .when(delivery("dl-1", List.of(PARENT, CHILD)), PUP)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.INVALID_INPUT, "memberIds[1]"));
    }

    @Test
    void nothingHappensOnAReferralAfterItsCompletion() {
        fixture.given(OPENED, PARENT_REGISTERED, REFERRAL, ACCEPTED,
                        new ReferralCompleted(CASE_ID, REFERRAL.referralId(), ReferralOutcome.GOAL_ACHIEVED))
                .when(delivery("dl-2", List.of(PARENT)), PUP)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.STATE_CONFLICT, null));
    }

    @Test
    void providerCompletesAnAcceptedReferral() {
        fixture.given(OPENED, PARENT_REGISTERED, REFERRAL, ACCEPTED)
                .when(new CompleteReferral(CASE_ID, REFERRAL.referralId(), ReferralOutcome.PARTIALLY_ACHIEVED), PUP)
                .expectEvents(new ReferralCompleted(CASE_ID, REFERRAL.referralId(), ReferralOutcome.PARTIALLY_ACHIEVED));
    }

    @Test
    void supervisorRevokesAnAcceptedReferral() {
        fixture.given(OPENED, PARENT_REGISTERED, REFERRAL, ACCEPTED)
                .when(new RevokeReferral(CASE_ID, REFERRAL.referralId(), "duplicate"), CELINA)
                .expectEvents(new ReferralRevoked(CASE_ID, REFERRAL.referralId(), "duplicate"));
    }

    @Test
    void providerCannotRevoke() {
        fixture.given(OPENED, PARENT_REGISTERED, REFERRAL, ACCEPTED)
                .when(new RevokeReferral(CASE_ID, REFERRAL.referralId(), "x"), PUP)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.FORBIDDEN, null));
    }

    @Test
    void aFamilyDropsOutOfAnAcceptedReferral() {
        fixture.given(OPENED, PARENT_REGISTERED, REFERRAL, ACCEPTED)
                .when(new RecordDropOut(CASE_ID, REFERRAL.referralId(), "stopped coming"), ANNA)
                .expectEvents(new ReferralDroppedOut(CASE_ID, REFERRAL.referralId(), "stopped coming"));
    }

    @Test
    void unknownReferralIs404() {
        fixture.given(OPENED, PARENT_REGISTERED)
                .when(new AcceptReferral(CASE_ID, "nope"), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.NOT_FOUND, null));
    }
}
