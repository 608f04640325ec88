package pl.sciezka.command.familycase;

import static pl.sciezka.command.familycase.CaseFixture.*;
import static pl.sciezka.command.familycase.RejectionMatcher.rejection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.familycase.ClosureApproved;
import pl.sciezka.api.familycase.ClosureReason;
import pl.sciezka.api.familycase.ClosureRequested;
import pl.sciezka.api.familycase.Employment;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.HouseholdIndicators;
import pl.sciezka.api.familycase.Housing;
import pl.sciezka.api.familycase.MeetingDecision;
import pl.sciezka.api.familycase.MeetingParticipant;
import pl.sciezka.api.familycase.MemberIndicators;
import pl.sciezka.api.familycase.OutcomeMeasured;
import pl.sciezka.api.familycase.RecordMeeting;
import pl.sciezka.api.familycase.RecordOutcomeMeasurement;
import pl.sciezka.api.familycase.TaskTeamMeetingHeld;
import pl.sciezka.api.problem.ProblemType;

class MeetingsAndMeasurementsTest {

    private static final MeetingParticipant COORDINATOR = new MeetingParticipant("Anna K.", "MOPS", "coordinator", "anna");
    private static final MeetingParticipant SCHOOL = new MeetingParticipant("Pedagog", "SP 7", "school counsellor", null);
    private static final List<MeetingDecision> DECISIONS =
            List.of(new MeetingDecision("tutoring twice a week", "SP 7", TODAY.plusWeeks(2)));
    private static final HouseholdIndicators POOR = new HouseholdIndicators(new BigDecimal("650"), true, 12, Housing.INADEQUATE);
    private static final MemberIndicators PARENT_OUT_OF_WORK =
            new MemberIndicators(PARENT, Employment.UNEMPLOYED, false, null, Set.of());
    private static final ClosureRequested CLOSURE_REQUESTED =
            new ClosureRequested(CASE_ID, ClosureReason.GOALS_ACHIEVED, "stable", null);
    private static final ClosureApproved CLOSED = new ClosureApproved(CASE_ID, "ok", TODAY.minusMonths(7));

    private FixtureConfiguration<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RecordOutcomeMeasurement measure(String id, Horizon horizon, List<MemberIndicators> members,
                                                    String corrects) {
        return new RecordOutcomeMeasurement(CASE_ID, id, horizon, TODAY, POOR, members, corrects);
    }

    @Test
    void specialistRecordsAMeetingTheCoordinatorTookPartIn() {
        fixture.given(OPENED)
                .when(new RecordMeeting(CASE_ID, "mt-1", TODAY, List.of(COORDINATOR, SCHOOL), DECISIONS), EWA)
                .expectEvents(new TaskTeamMeetingHeld(CASE_ID, "mt-1", TODAY, List.of(COORDINATOR, SCHOOL), DECISIONS));
    }

    @Test
    void aMeetingWithoutTheCoordinatorIsNotRecorded() {
        fixture.given(OPENED)
                .when(new RecordMeeting(CASE_ID, "mt-1", TODAY, List.of(SCHOOL), DECISIONS), EWA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.INVALID_INPUT, "participants"));
    }

    @Test
    void aMeetingCannotBeHeldInTheFuture() {
        fixture.given(OPENED)
                .when(new RecordMeeting(CASE_ID, "mt-1", TODAY.plusDays(1), List.of(COORDINATOR), DECISIONS), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.INVALID_INPUT, "heldOn"));
    }

    @Test
    void baselineIsMeasuredInTheCurrentEpisode() {
        fixture.given(OPENED, PARENT_REGISTERED)
                .when(measure("ms-1", Horizon.BASELINE, List.of(PARENT_OUT_OF_WORK), null), EWA)
                .expectEvents(new OutcomeMeasured(CASE_ID, "ms-1", 1, Horizon.BASELINE, TODAY, POOR,
                        List.of(PARENT_OUT_OF_WORK), null));
    }

    @Test
    void aSecondBaselineOfAnEpisodeIsRefusedUnlessItSaysWhatItCorrects() {
        OutcomeMeasured first = new OutcomeMeasured(CASE_ID, "ms-1", 1, Horizon.BASELINE, TODAY, POOR, List.of(), null);
        fixture.given(OPENED, PARENT_REGISTERED, first)
                .when(measure("ms-2", Horizon.BASELINE, List.of(), null), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.STATE_CONFLICT, null));
        fixture.given(OPENED, PARENT_REGISTERED, first)
                .when(measure("ms-2", Horizon.BASELINE, List.of(), "ms-1"), ANNA)
                .expectEvents(new OutcomeMeasured(CASE_ID, "ms-2", 1, Horizon.BASELINE, TODAY, POOR, List.of(), "ms-1"));
    }

    @Test
    void followUpsAreMeasuredOnlyAfterClosure() {
        fixture.given(OPENED, PARENT_REGISTERED)
                .when(measure("ms-1", Horizon.FOLLOW_UP_6M, List.of(), null), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.STATE_CONFLICT, null));
    }

    @Test
    void followUpAfterClosureIsRecorded() {
        fixture.given(OPENED, PARENT_REGISTERED, CLOSURE_REQUESTED, CLOSED)
                .when(measure("ms-1", Horizon.FOLLOW_UP_6M, List.of(PARENT_OUT_OF_WORK), null), EWA)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void schoolAttendanceIsOnlyForSchoolAgeChildren() {
        MemberIndicators parentAtSchool = new MemberIndicators(PARENT, Employment.EMPLOYED, false, 0.9, Set.of());
        fixture.given(OPENED, PARENT_REGISTERED, CHILD_REGISTERED)
                .when(measure("ms-1", Horizon.BASELINE, List.of(parentAtSchool), null), ANNA)
                .expectNoEvents()
                .expectExceptionDetails(rejection(ProblemType.INVALID_INPUT, "members[0].schoolAttendanceRate"));
    }

    @Test
    void schoolAttendanceOfAChildIsRecorded() {
        MemberIndicators childAtSchool = new MemberIndicators(CHILD, null, true, 0.85, Set.of());
        fixture.given(OPENED, CHILD_REGISTERED)
                .when(measure("ms-1", Horizon.BASELINE, List.of(childAtSchool), null), ANNA)
                .expectSuccessfulHandlerExecution();
    }
}
