package pl.sciezka.command.familycase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import pl.sciezka.api.MetadataKeys;
import pl.sciezka.api.Role;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.Goal;
import pl.sciezka.api.familycase.MemberRegistered;
import pl.sciezka.api.familycase.ProblemArea;
import pl.sciezka.api.familycase.ReferralIssued;
import pl.sciezka.api.familycase.SupportPlanAgreed;

/** Givens and actors shared by the family-case rule tests: a case of anna's with a parent and a child. */
final class CaseFixture {

    static final String CASE_ID = "case-1";
    static final String PARENT = "m-parent";
    static final String CHILD = "m-child";
    static final String INSTITUTION = "pup";
    static final String OFFERING = "internship";
    static final String WITHDRAWN_OFFERING = "old-course";
    static final BigDecimal UNIT_COST = new BigDecimal("150.00");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Warsaw"));

    static final FamilyCaseOpened OPENED = new FamilyCaseOpened(CASE_ID, "Nowak", "Wilchwy", "anna");
    static final MemberRegistered PARENT_REGISTERED = new MemberRegistered(CASE_ID, PARENT, "Jan", "Nowak", 1985,
            Generation.PARENT, "father", null);
    static final MemberRegistered CHILD_REGISTERED = new MemberRegistered(CASE_ID, CHILD, "Ola", "Nowak",
            TODAY.getYear() - 10, Generation.CHILD, "daughter", null);
    static final Goal JOB = new Goal("g-job", ProblemArea.UNEMPLOYMENT, List.of(PARENT), "stable job", TODAY.plusMonths(6));
    static final SupportPlanAgreed PLAN = new SupportPlanAgreed(CASE_ID, 1, List.of(JOB));
    static final ReferralIssued REFERRAL = new ReferralIssued(CASE_ID, "r-1", OFFERING, INSTITUTION, List.of(PARENT),
            null, "vocational activation", UNIT_COST);

    static final MetaData ANNA = as("anna", Role.CASEWORKER);
    static final MetaData BARTEK = as("bartek", Role.CASEWORKER);
    static final MetaData EWA = as("ewa", Role.SPECIALIST);
    static final MetaData CELINA = as("celina", Role.SUPERVISOR);
    static final MetaData DAWID = as("dawid", Role.EVALUATOR);
    static final MetaData PUP = as("pup", Role.PROVIDER);
    static final MetaData OTHER_PROVIDER = as("school-staff", Role.PROVIDER);

    private CaseFixture() {
    }

    static MetaData as(String userId, Role role) {
        return MetaData.from(Map.of(MetadataKeys.ACTOR_ID, userId, MetadataKeys.ACTOR_ROLE, role.name()));
    }

    /** A fixture whose support network knows one offering of the labour office and one withdrawn one. */
    static FixtureConfiguration<FamilyCase> fixture() {
        FixtureConfiguration<FamilyCase> fixture = new AggregateTestFixture<>(FamilyCase.class);
        fixture.registerInjectableResource(new KnownNetwork()
                .offering(OFFERING, INSTITUTION, UNIT_COST, false)
                .offering(WITHDRAWN_OFFERING, INSTITUTION, UNIT_COST, true)
                .staff(INSTITUTION, "pup"));
        return fixture;
    }
}
