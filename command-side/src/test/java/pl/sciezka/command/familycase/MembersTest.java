package pl.sciezka.command.familycase;

import static pl.sciezka.command.familycase.CaseFixture.*;
import static pl.sciezka.command.familycase.RejectionMatcher.rejection;

import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.familycase.ClosureApproved;
import pl.sciezka.api.familycase.ClosureRequested;
import pl.sciezka.api.familycase.ClosureReason;
import pl.sciezka.api.familycase.DiagnosedProblem;
import pl.sciezka.api.familycase.DiagnosisSource;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.MemberRegistered;
import pl.sciezka.api.familycase.ProblemArea;
import pl.sciezka.api.familycase.RecordDiagnosis;
import pl.sciezka.api.familycase.RegisterMember;
import pl.sciezka.api.familycase.Severity;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

class MembersTest {

    /** 1985-03-14, checksum 1·8+3·5+7·0+9·3+1·1+3·4+7·0+9·1+1·2+3·3 = 83 → 7. */
    private static final String VALID_PESEL = "85031401237";

    private FixtureConfiguration<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RegisterMember register(String pesel, int birthYear) {
        return new RegisterMember(CASE_ID, "m-new", "Jan", "Nowak", birthYear, Generation.PARENT, "father", pesel);
    }

    @Test
    void coordinatorRegistersAMemberWithAValidPesel() {
        fixture.given(OPENED)
                .when(register(VALID_PESEL, 1985), ANNA)
                .expectEvents(new MemberRegistered(CASE_ID, "m-new", "Jan", "Nowak", 1985, Generation.PARENT, "father",
                        VALID_PESEL));
    }

    @Test
    void specialistRegistersMembersOfAnyCase() {
        fixture.given(OPENED).when(register(null, 1985), EWA).expectSuccessfulHandlerExecution();
    }

    @Test
    void peselWithAWrongChecksumIsRefused() {
        fixture.given(OPENED).when(register("85031401238", 1985), ANNA)
                .expectNoEvents().expectException(RejectedException.class)
                .expectExceptionDetails(rejection(ProblemType.INVALID_INPUT, "pesel"));
    }

    @Test
    void peselMustEncodeTheBirthYear() {
        fixture.given(OPENED).when(register(VALID_PESEL, 1986), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.INVALID_INPUT, "pesel"));
    }

    @Test
    void peselOfSomeoneBornIn2000sCarriesTheCenturyInTheMonth() {
        // 2014-05-20: month 5 + 20 for the 2000s; checksum 1·1+3·4+7·2+9·5+1·2+3·0+7·0+9·0+1·0+3·4 = 86 → 4
        fixture.given(OPENED).when(register("14252000044", 2014), ANNA).expectSuccessfulHandlerExecution();
    }

    @Test
    void supervisorDoesNotRegisterMembers() {
        fixture.given(OPENED).when(register(null, 1985), CELINA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.FORBIDDEN, null));
    }

    @Test
    void noMembersAreAddedToAClosedCase() {
        fixture.given(OPENED, new ClosureRequested(CASE_ID, ClosureReason.GOALS_ACHIEVED, "done", null),
                        new ClosureApproved(CASE_ID, "ok", TODAY))
                .when(register(null, 1985), ANNA)
                .expectNoEvents().expectExceptionDetails(rejection(ProblemType.STATE_CONFLICT, null));
    }

    @Test
    void diagnosisNamesOnlyMembersOfTheFamily() {
        fixture.given(OPENED, PARENT_REGISTERED)
                .when(new RecordDiagnosis(CASE_ID, "d-1", DiagnosisSource.TASK_TEAM, List.of(new DiagnosedProblem(
                        ProblemArea.UNEMPLOYMENT, List.of(PARENT, "stranger"), Severity.HIGH, null))), ANNA)
                .expectNoEvents()
                .expectExceptionDetails(rejection(ProblemType.INVALID_INPUT, "problems[0].memberIds[1]"));
    }
}
