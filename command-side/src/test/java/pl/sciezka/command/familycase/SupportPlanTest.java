package pl.sciezka.command.familycase;

import static pl.sciezka.command.familycase.CaseFixture.*;
import static pl.sciezka.command.familycase.RejectionMatcher.rejection;

import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.familycase.AgreeSupportPlan;
import pl.sciezka.api.familycase.CloseGoal;
import pl.sciezka.api.familycase.Goal;
import pl.sciezka.api.familycase.GoalClosed;
import pl.sciezka.api.familycase.GoalStatus;
import pl.sciezka.api.familycase.ProblemArea;
import pl.sciezka.api.familycase.SupportPlanAgreed;
import pl.sciezka.api.problem.ProblemType;

class SupportPlanTest {

    private static final Goal SCHOOL = new Goal("g-school", ProblemArea.HELPLESSNESS_IN_CARE_AND_HOUSEHOLD, List.of(CHILD),
            "regular school attendance", TODAY.plusMonths(3));

    private FixtureConfiguration<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void coordinatorAgreesTheFirstPlanVersion() {
        fixture.given(OPENED, PARENT_REGISTERED)
                .when(new AgreeSupportPlan(CASE_ID, List.of(JOB)), ANNA)
                .expectEvents(PLAN)
                .expectResultMessagePayload(new PlanVersion(1, 2));
    }

    @Test
    void revisingThePlanMakesANewVersion() {
        fixture.given(OPENED, PARENT_REGISTERED, CHILD_REGISTERED, PLAN)
                .when(new AgreeSupportPlan(CASE_ID, List.of(JOB, SCHOOL)), ANNA)
                .expectEvents(new SupportPlanAgreed(CASE_ID, 2, List.of(JOB, SCHOOL)));
    }

    @Test
    void revisionKeepsAGoalOfThePlanByItsId() {
        fixture.given(OPENED, PARENT_REGISTERED, CHILD_REGISTERED, PLAN)
                .when(new AgreeSupportPlan(CASE_ID, List.of(JOB, SCHOOL), Set.of(JOB.goalId())), ANNA)
                .expectEvents(new SupportPlanAgreed(CASE_ID, 2, List.of(JOB, SCHOOL)));
    }

    @Test
    void revisionCannotKeepAGoalThePlanNeverHad() {
        fixture.given(OPENED, PARENT_REGISTERED, CHILD_REGISTERED, PLAN)
                .when(new AgreeSupportPlan(CASE_ID, List.of(JOB, SCHOOL), Set.of(JOB.goalId(), SCHOOL.goalId())), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.INVALID_INPUT, "goals[1].goalId"));
    }

    @Test
    void everyGoalIsForNamedMembers() {
        Goal forNobody = new Goal("g-x", ProblemArea.POVERTY, List.of(), "x", TODAY);
        fixture.given(OPENED, PARENT_REGISTERED)
                .when(new AgreeSupportPlan(CASE_ID, List.of(JOB, forNobody)), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.INVALID_INPUT, "goals[1].memberIds"));
    }

    @Test
    void specialistDoesNotPlan() {
        fixture.given(OPENED, PARENT_REGISTERED)
                .when(new AgreeSupportPlan(CASE_ID, List.of(JOB)), EWA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.FORBIDDEN, null));
    }

    @Test
    void aGoalIsAchievedOnceWithItsReason() {
        fixture.given(OPENED, PARENT_REGISTERED, PLAN)
                .when(new CloseGoal(CASE_ID, JOB.goalId(), GoalStatus.ACHIEVED, "hired"), ANNA)
                .expectEvents(new GoalClosed(CASE_ID, JOB.goalId(), GoalStatus.ACHIEVED, "hired"));
    }

    @Test
    void cannotAbandonAGoalAlreadyAchieved() {
        fixture.given(OPENED, PARENT_REGISTERED, PLAN, new GoalClosed(CASE_ID, JOB.goalId(), GoalStatus.ACHIEVED, "hired"))
                .when(new CloseGoal(CASE_ID, JOB.goalId(), GoalStatus.ABANDONED, "changed mind"), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.STATE_CONFLICT, null));
    }

    @Test
    void aRevisionKeepsTheStatusOfGoalsItCarriesOn() {
        fixture.given(OPENED, PARENT_REGISTERED, CHILD_REGISTERED, PLAN,
                        new GoalClosed(CASE_ID, JOB.goalId(), GoalStatus.ACHIEVED, "hired"),
                        new SupportPlanAgreed(CASE_ID, 2, List.of(JOB, SCHOOL)))
                .when(new CloseGoal(CASE_ID, JOB.goalId(), GoalStatus.ABANDONED, "x"), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.STATE_CONFLICT, null));
    }
}
