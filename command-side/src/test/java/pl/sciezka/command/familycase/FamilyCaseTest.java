package pl.sciezka.command.familycase;

import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.MetadataKeys;
import pl.sciezka.api.Role;
import pl.sciezka.api.familycase.DiagnosedProblem;
import pl.sciezka.api.familycase.DiagnosisRecorded;
import pl.sciezka.api.familycase.DiagnosisSource;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.api.familycase.OpenFamilyCase;
import pl.sciezka.api.familycase.ProblemArea;
import pl.sciezka.api.familycase.RecordDiagnosis;
import pl.sciezka.api.familycase.Severity;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

class FamilyCaseTest {

    private static final String CASE_ID = "case-1";
    private static final FamilyCaseOpened OPENED_BY_ANNA =
            new FamilyCaseOpened(CASE_ID, "Nowak", "Wilchwy", "anna");
    private static final DiagnosedProblem POVERTY =
            new DiagnosedProblem(ProblemArea.POVERTY, List.of(), Severity.HIGH, "no stable income");
    private static final DiagnosedProblem UNEMPLOYMENT =
            new DiagnosedProblem(ProblemArea.UNEMPLOYMENT, List.of(), Severity.MEDIUM, null);

    private FixtureConfiguration<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FamilyCase.class);
    }

    private static MetaData as(String userId, Role role) {
        return MetaData.from(Map.of(MetadataKeys.ACTOR_ID, userId, MetadataKeys.ACTOR_ROLE, role.name()));
    }

    private static RecordDiagnosis diagnosis(String diagnosisId, DiagnosedProblem... problems) {
        return new RecordDiagnosis(CASE_ID, diagnosisId, DiagnosisSource.COMMUNITY_INTERVIEW, List.of(problems));
    }

    private static DiagnosisRecorded recorded(String diagnosisId, DiagnosedProblem... problems) {
        return new DiagnosisRecorded(CASE_ID, diagnosisId, DiagnosisSource.COMMUNITY_INTERVIEW, List.of(problems),
                ProblemArea.CODE_LIST_VERSION);
    }

    @Test
    void caseworkerOpensCaseTheyCoordinate() {
        fixture.givenNoPriorActivity()
                .when(new OpenFamilyCase(CASE_ID, "Nowak", "Wilchwy", null), as("anna", Role.CASEWORKER))
                .expectEvents(OPENED_BY_ANNA)
                .expectResultMessagePayload(0L);
    }

    @Test
    void supervisorOpensCaseForANamedCoordinator() {
        fixture.givenNoPriorActivity()
                .when(new OpenFamilyCase(CASE_ID, "Nowak", "Wilchwy", "anna"), as("celina", Role.SUPERVISOR))
                .expectEvents(OPENED_BY_ANNA);
    }

    @Test
    void supervisorMustNameTheCoordinator() {
        fixture.givenNoPriorActivity()
                .when(new OpenFamilyCase(CASE_ID, "Nowak", "Wilchwy", null), as("celina", Role.SUPERVISOR))
                .expectNoEvents()
                .expectException(RejectedException.class)
                .expectExceptionDetails(RejectionMatcher.rejection(ProblemType.INVALID_INPUT, "coordinatorId"));
    }

    @Test
    void caseworkerCannotOpenCaseForAnotherCoordinator() {
        fixture.givenNoPriorActivity()
                .when(new OpenFamilyCase(CASE_ID, "Nowak", "Wilchwy", "bartek"), as("anna", Role.CASEWORKER))
                .expectNoEvents()
                .expectException(RejectedException.class)
                .expectExceptionDetails(RejectionMatcher.rejection(ProblemType.INVALID_INPUT, "coordinatorId"));
    }

    @Test
    void specialistCannotOpenCase() {
        fixture.givenNoPriorActivity()
                .when(new OpenFamilyCase(CASE_ID, "Nowak", "Wilchwy", null), as("ewa", Role.SPECIALIST))
                .expectNoEvents()
                .expectException(RejectedException.class)
                .expectExceptionDetails(RejectionMatcher.rejection(ProblemType.FORBIDDEN, null));
    }

    @Test
    void cannotOpenCaseTwice() {
        fixture.given(OPENED_BY_ANNA)
                .when(new OpenFamilyCase(CASE_ID, "Nowak", "Wilchwy", null), as("anna", Role.CASEWORKER))
                .expectNoEvents()
                .expectException(RejectedException.class)
                .expectExceptionDetails(RejectionMatcher.rejection(ProblemType.STATE_CONFLICT, null));
    }

    @Test
    void coordinatorRecordsDiagnosisWithTheCodeListVersion() {
        fixture.given(OPENED_BY_ANNA)
                .when(diagnosis("d-1", POVERTY, UNEMPLOYMENT), as("anna", Role.CASEWORKER))
                .expectEvents(recorded("d-1", POVERTY, UNEMPLOYMENT))
                .expectResultMessagePayload(1L);
    }

    @Test
    void diagnosisNeedsAtLeastOneProblemArea() {
        fixture.given(OPENED_BY_ANNA)
                .when(diagnosis("d-1"), as("anna", Role.CASEWORKER))
                .expectNoEvents()
                .expectException(RejectedException.class)
                .expectExceptionDetails(RejectionMatcher.rejection(ProblemType.INVALID_INPUT, "problems"));
    }

    @Test
    void diagnosisCannotNameAProblemAreaTwice() {
        fixture.given(OPENED_BY_ANNA)
                .when(diagnosis("d-1", POVERTY, UNEMPLOYMENT, POVERTY), as("anna", Role.CASEWORKER))
                .expectNoEvents()
                .expectException(RejectedException.class)
                .expectExceptionDetails(RejectionMatcher.rejection(ProblemType.INVALID_INPUT, "problems[2].area"));
    }

    @Test
    void cannotRecordTheSameDiagnosisTwice() {
        fixture.given(OPENED_BY_ANNA, recorded("d-1", POVERTY))
                .when(diagnosis("d-1", POVERTY), as("anna", Role.CASEWORKER))
                .expectNoEvents()
                .expectException(RejectedException.class)
                .expectExceptionDetails(RejectionMatcher.rejection(ProblemType.STATE_CONFLICT, null));
    }

    @Test
    void caseworkerWhoDoesNotCoordinateTheCaseCannotSeeIt() {
        fixture.given(OPENED_BY_ANNA)
                .when(diagnosis("d-1", POVERTY), as("bartek", Role.CASEWORKER))
                .expectNoEvents()
                .expectException(RejectedException.class)
                .expectExceptionDetails(RejectionMatcher.rejection(ProblemType.NOT_FOUND, null));
    }

    @Test
    void specialistDoesNotDiagnose() {
        fixture.given(OPENED_BY_ANNA)
                .when(diagnosis("d-1", POVERTY), as("ewa", Role.SPECIALIST))
                .expectNoEvents()
                .expectException(RejectedException.class)
                .expectExceptionDetails(RejectionMatcher.rejection(ProblemType.FORBIDDEN, null));
    }

    @Test
    void supervisorDoesNotDiagnose() {
        fixture.given(OPENED_BY_ANNA)
                .when(diagnosis("d-1", POVERTY), as("celina", Role.SUPERVISOR))
                .expectNoEvents()
                .expectException(RejectedException.class)
                .expectExceptionDetails(RejectionMatcher.rejection(ProblemType.FORBIDDEN, null));
    }
}
