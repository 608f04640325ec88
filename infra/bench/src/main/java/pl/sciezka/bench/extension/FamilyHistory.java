package pl.sciezka.bench.extension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import pl.sciezka.api.Role;
import pl.sciezka.api.familycase.*;

/**
 * One synthetic family's support path as the API would have recorded it, event by event, with who
 * acted and when: opened, members of three generations, a diagnosis and a baseline measurement, a
 * plan, referrals with accepted services, task-team meetings, and (for a closed family) exit,
 * closure approved by a supervisor and follow-ups. Every event obeys the case's rules, so the
 * aggregate loads such a case and takes further commands on it.
 */
final class FamilyHistory {

    record Step(FamilyCaseEvent event, String actorId, Role role, Instant at) {
    }

    /** A service of the support network the synthetic referrals go to, and the provider who answers them. */
    record Offering(String offeringId, String institutionId, BigDecimal unitCost, String providerId) {
    }

    private static final List<ProblemArea> AREAS = List.of(ProblemArea.POVERTY, ProblemArea.UNEMPLOYMENT,
            ProblemArea.HELPLESSNESS_IN_CARE_AND_HOUSEHOLD, ProblemArea.ADDICTION, ProblemArea.LONG_TERM_ILLNESS,
            ProblemArea.MATERNITY_OR_LARGE_FAMILY, ProblemArea.DISABILITY);

    private final Random random;
    private final SyntheticPeople people;
    private final List<Offering> offerings;
    private final String caseId = UUID.randomUUID().toString();
    private final String coordinatorId;
    private final List<Step> steps = new ArrayList<>();
    private final List<MemberRegistered> members = new ArrayList<>();
    private final List<Goal> goals = new ArrayList<>();
    private Instant clock;

    private FamilyHistory(Random random, List<Offering> offerings, String coordinatorId, Instant start) {
        this.random = random;
        this.people = new SyntheticPeople(random);
        this.offerings = offerings;
        this.coordinatorId = coordinatorId;
        this.clock = start;
    }

    /** A family whose case ran for one to two years, closed, and was followed up for a year, and at two years once that is past. */
    static List<Step> closed(Random random, List<Offering> offerings, String coordinatorId, Instant start) {
        FamilyHistory family = new FamilyHistory(random, offerings, coordinatorId, start);
        family.opening();
        for (int i = 0, referrals = 1 + random.nextInt(3); i < referrals; i++) {
            family.referral(2 + random.nextInt(7));
            family.meeting();
        }
        family.closure();
        return family.steps;
    }

    /** An open case that has been going for years: as many referrals, services and meetings as it takes. */
    static List<Step> open(Random random, List<Offering> offerings, String coordinatorId, Instant start, int events) {
        FamilyHistory family = new FamilyHistory(random, offerings, coordinatorId, start);
        family.opening();
        while (family.steps.size() < events - 3) {
            family.referral(Math.min(40, events - 3 - family.steps.size()));
            if (family.steps.size() < events) {
                family.meeting();
            }
        }
        return family.steps;
    }

    static Duration span(int events) {
        return Duration.ofDays(3L * events);
    }

    private void opening() {
        String familyName = people.familyName();
        record(new FamilyCaseOpened(caseId, familyName, "Wilchwy", coordinatorId), coordinatorId, Role.CASEWORKER);
        int year = today().getYear();
        members.add(people.member(caseId, familyName, Generation.GRANDPARENT, year));
        for (int i = 0, parents = 1 + random.nextInt(2); i < parents; i++) {
            members.add(people.member(caseId, familyName, Generation.PARENT, year));
        }
        for (int i = 0, children = 1 + random.nextInt(3); i < children; i++) {
            members.add(people.member(caseId, familyName, Generation.CHILD, year));
        }
        members.forEach(member -> record(member, coordinatorId, Role.CASEWORKER));
        List<ProblemArea> areas = new ArrayList<>(AREAS);
        Collections.shuffle(areas, random);
        areas = areas.subList(0, 2 + random.nextInt(2));
        List<DiagnosedProblem> problems = areas.stream().map(area -> new DiagnosedProblem(area, List.of(parent()),
                people.pick(List.of(Severity.values())), "rozpoznane w wywiadzie środowiskowym")).toList();
        record(new DiagnosisRecorded(caseId, id(), DiagnosisSource.COMMUNITY_INTERVIEW, problems,
                ProblemArea.CODE_LIST_VERSION), coordinatorId, Role.CASEWORKER);
        measurement(Horizon.BASELINE, false);
        areas.forEach(area -> goals.add(new Goal(id(), area, List.of(parent()), "poprawa sytuacji rodziny",
                today().plusMonths(12))));
        record(new SupportPlanAgreed(caseId, 1, goals), coordinatorId, Role.CASEWORKER);
    }

    private void referral(int deliveries) {
        Offering offering = people.pick(offerings);
        String referralId = id();
        List<String> referred = List.of(parent());
        record(new ReferralIssued(caseId, referralId, offering.offeringId(), offering.institutionId(), referred,
                people.pick(goals).goalId(), "aktywizacja zawodowa", offering.unitCost()), coordinatorId, Role.CASEWORKER);
        record(new ReferralAccepted(caseId, referralId), offering.providerId(), Role.PROVIDER);
        for (int i = 0; i < deliveries; i++) {
            BigDecimal units = BigDecimal.valueOf(1 + random.nextInt(8));
            record(new ServiceDelivered(caseId, referralId, id(), today(), units, referred,
                    offering.unitCost().multiply(units)), offering.providerId(), Role.PROVIDER);
        }
        record(new ReferralCompleted(caseId, referralId, people.pick(List.of(ReferralOutcome.values()))),
                offering.providerId(), Role.PROVIDER);
    }

    private void meeting() {
        List<MeetingParticipant> participants = List.of(
                new MeetingParticipant("koordynator", "MOPS Wodzisław Śląski", "pracownik socjalny", coordinatorId),
                new MeetingParticipant("Ewa", "MOPS Wodzisław Śląski", "specjalista", "ewa"),
                new MeetingParticipant("pedagog szkolny", "SP 7", "pedagog", null));
        List<MeetingDecision> decisions = List.of(
                new MeetingDecision("skierować na konsultację", "koordynator", today().plusDays(30)));
        record(new TaskTeamMeetingHeld(caseId, id(), today(), participants, decisions), "ewa", Role.SPECIALIST);
    }

    private void closure() {
        measurement(Horizon.EXIT, true);
        record(new ClosureRequested(caseId, ClosureReason.GOALS_ACHIEVED, "cele planu osiągnięte", null),
                coordinatorId, Role.CASEWORKER);
        record(new ClosureApproved(caseId, "zgoda", today()), "celina", Role.SUPERVISOR);
        clock = clock.plus(Duration.ofDays(182));
        measurement(Horizon.FOLLOW_UP_6M, true);
        clock = clock.plus(Duration.ofDays(182));
        measurement(Horizon.FOLLOW_UP_12M, true);
        // a family closed long enough ago has had its last follow-up too, and has left the caseload
        if (clock.plus(Duration.ofDays(366)).isBefore(Instant.now())) {
            clock = clock.plus(Duration.ofDays(366));
            measurement(Horizon.FOLLOW_UP_24M, true);
        }
    }

    private void measurement(Horizon horizon, boolean improved) {
        List<MemberIndicators> indicators = members.stream().map(member -> switch (member.generation()) {
            case GRANDPARENT -> new MemberIndicators(member.memberId(), Employment.RETIRED, false, null, Set.of());
            case PARENT -> new MemberIndicators(member.memberId(), improved && random.nextBoolean()
                    ? Employment.EMPLOYED : Employment.UNEMPLOYED, false, null, EnumSet.of(ProblemArea.POVERTY));
            case CHILD -> new MemberIndicators(member.memberId(), null, true,
                    improved ? 0.9 + random.nextInt(10) / 100.0 : 0.6 + random.nextInt(30) / 100.0, Set.of());
        }).toList();
        HouseholdIndicators household = new HouseholdIndicators(BigDecimal.valueOf(500 + random.nextInt(1200)),
                !improved, improved ? random.nextInt(3) : 6 + random.nextInt(7), Housing.STABLE);
        record(new OutcomeMeasured(caseId, id(), 1, horizon, today(), household, indicators, null),
                coordinatorId, Role.CASEWORKER);
    }

    private void record(FamilyCaseEvent event, String actorId, Role role) {
        steps.add(new Step(event, actorId, role, clock));
        clock = clock.plus(Duration.ofHours(1 + random.nextInt(72)));
    }

    private String parent() {
        return members.stream().filter(member -> member.generation() == Generation.PARENT).findFirst()
                .orElseThrow().memberId();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock, ZoneOffset.UTC);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
