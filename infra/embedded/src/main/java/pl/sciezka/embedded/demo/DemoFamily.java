package pl.sciezka.embedded.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import pl.sciezka.embedded.demo.DemoNetwork.Service;

/**
 * One synthetic three-generation family's support path, written through the API: members,
 * diagnosis and baseline, plan, referrals with deliveries, a task-team meeting, the exit measure,
 * and for most families closure (asked by the coordinator, approved by celina) and follow-ups.
 * <p>
 * How well the family does depends on its problems and on how much support it received, plus
 * chance, so cohorts by problem area and by service dose differ. The API refuses dates in the
 * future and dates a closure the day it is approved, so measurements, deliveries and meetings lie in
 * the past 20 months while closures and follow-ups are all dated today.
 */
final class DemoFamily {

    private static final String DISTRICT = "Wilchwy";
    private static final List<String> EXTRA_AREAS = List.of("UNEMPLOYMENT", "ADDICTION",
            "HELPLESSNESS_IN_CARE_AND_HOUSEHOLD", "LONG_TERM_ILLNESS", "MATERNITY_OR_LARGE_FAMILY");

    private final DemoApi api;
    private final DemoNetwork network;
    private final Random random;
    private final LocalDate today;
    private final String coordinator;
    private String caseId;
    private final List<String> grandparents = new ArrayList<>();
    private final List<String> parents = new ArrayList<>();
    private final Map<String, Integer> children = new LinkedHashMap<>();
    private final List<String> areas = new ArrayList<>();
    private int deliveries;

    DemoFamily(DemoApi api, DemoNetwork network, long seed, int index, LocalDate today) {
        this.api = api;
        this.network = network;
        this.random = new Random(seed * 1_000_003L + index);
        this.today = today;
        this.coordinator = index % 2 == 0 ? "anna" : "bartek";
    }

    void write() {
        String familyName = SyntheticPeople.SURNAMES.get(random.nextInt(SyntheticPeople.SURNAMES.size()));
        caseId = api.post(coordinator, "/api/cases", Map.of("familyName", familyName, "district", DISTRICT))
                .get("caseId").asString();
        registerMembers(familyName);
        diagnose();
        measure("BASELINE", today.minusMonths(20), 0.0);
        List<Goal> goals = plan();
        meeting(today.minusMonths(19));
        goals.forEach(this::refer);
        meeting(today.minusMonths(8));
        double progress = progress();
        measure("EXIT", today.minusMonths(1), progress);
        if (random.nextInt(10) < 8) {
            api.post(coordinator, path("/closure-request"), Map.of("reason", progress > 0.5 ? "GOALS_ACHIEVED" : "OTHER",
                    "justification", "Plan zrealizowany w zakresie możliwym do osiągnięcia."));
            api.post("celina", path("/closure-request/approval"), Map.of("comment", "Zgoda na zamknięcie."));
            measure("FOLLOW_UP_6M", today, progress - 0.1);
            measure("FOLLOW_UP_12M", today, progress);
            if (random.nextBoolean()) {
                measure("FOLLOW_UP_24M", today, progress + 0.1);
            }
        }
    }

    private void registerMembers(String familyName) {
        grandparents.add(member(familyName, "GRANDPARENT", "babcia", true, 1948 + random.nextInt(14)));
        if (random.nextBoolean()) {
            grandparents.add(member(familyName, "GRANDPARENT", "dziadek", false, 1946 + random.nextInt(14)));
        }
        parents.add(member(familyName, "PARENT", "matka", true, 1980 + random.nextInt(12)));
        if (random.nextInt(3) > 0) {
            parents.add(member(familyName, "PARENT", "ojciec", false, 1978 + random.nextInt(14)));
        }
        int schoolChildren = 1 + random.nextInt(3);
        for (int i = 0; i < schoolChildren; i++) {
            int birthYear = today.getYear() - 9 - random.nextInt(8);
            boolean girl = random.nextBoolean();
            children.put(member(familyName, "CHILD", girl ? "córka" : "syn", girl, birthYear), birthYear);
        }
        if (random.nextInt(3) == 0) {
            children.put(member(familyName, "CHILD", "wnuk", false, today.getYear() - 2), null);
        }
    }

    private String member(String familyName, String generation, String relation, boolean woman, int birthYear) {
        return api.post("ewa", path("/members"), Map.of("firstName", SyntheticPeople.firstName(random, woman),
                "lastName", SyntheticPeople.surname(familyName, woman), "birthYear", birthYear,
                "generation", generation, "relation", relation,
                "pesel", SyntheticPeople.pesel(random, birthYear, woman))).get("memberId").asString();
    }

    private void diagnose() {
        areas.add("POVERTY");
        List<String> extra = new ArrayList<>(EXTRA_AREAS);
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            areas.add(extra.remove(random.nextInt(extra.size())));
        }
        List<Map<String, Object>> problems = areas.stream().map(area -> Map.<String, Object>of("area", area,
                "memberIds", concerned(area), "severity", random.nextBoolean() ? "HIGH" : "MEDIUM",
                "description", "Rozpoznane w wywiadzie środowiskowym.")).toList();
        api.post(coordinator, path("/diagnoses"), Map.of("source", "COMMUNITY_INTERVIEW", "problems", problems));
    }

    private List<String> concerned(String area) {
        return switch (area) {
            case "POVERTY", "MATERNITY_OR_LARGE_FAMILY" -> all();
            case "LONG_TERM_ILLNESS" -> grandparents;
            case "HELPLESSNESS_IN_CARE_AND_HOUSEHOLD" -> parents;
            default -> List.of(parents.get(0));
        };
    }

    private record Goal(String goalId, Service service, List<String> memberIds) {
    }

    private List<Goal> plan() {
        List<Map<String, Object>> goals = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        List<List<String>> members = new ArrayList<>();
        for (String area : areas) {
            Service service = switch (area) {
                case "UNEMPLOYMENT" -> Service.INTERNSHIP;
                case "ADDICTION" -> Service.ADDICTION_THERAPY;
                case "HELPLESSNESS_IN_CARE_AND_HOUSEHOLD", "LONG_TERM_ILLNESS" -> Service.FAMILY_COUNSELLING;
                case "MATERNITY_OR_LARGE_FAMILY" -> Service.CHILDCARE;
                default -> Service.SOCIAL_INTEGRATION;
            };
            List<String> who = area.equals("POVERTY") ? List.of(parents.get(0)) : concerned(area);
            services.add(service);
            members.add(who);
            goals.add(Map.of("area", area, "memberIds", who, "description", "Cel dla obszaru " + area,
                    "targetDate", today.plusMonths(6).toString()));
        }
        services.add(Service.TUTORING);
        List<String> pupils = children.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
        members.add(pupils);
        goals.add(Map.of("area", "POVERTY", "memberIds", pupils, "description", "Regularna nauka dzieci",
                "targetDate", today.plusMonths(6).toString()));
        var answer = api.put(coordinator, path("/support-plan"), Map.of("goals", goals)).get("goalIds");
        List<Goal> planned = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            planned.add(new Goal(answer.get(i).asString(), services.get(i), members.get(i)));
        }
        return planned;
    }

    private void refer(Goal goal) {
        String referralId = api.post(coordinator, path("/referrals"), Map.of("offeringId",
                network.offeringId(goal.service()), "memberIds", goal.memberIds(), "goalId", goal.goalId(),
                "reason", "Realizacja celu planu")).get("referralId").asString();
        String referral = path("/referrals/" + referralId);
        api.post(DemoNetwork.acceptingUser(goal.service(), coordinator), referral + "/acceptance", Map.of());
        int units = random.nextInt(6);
        for (int i = 0; i < units; i++) {
            api.post("ewa", referral + "/deliveries", Map.of("deliveredOn", today.minusMonths(18 - 3L * i).toString(),
                    "units", 1 + random.nextInt(4), "memberIds", goal.memberIds()));
        }
        deliveries += units;
        api.post(DemoNetwork.acceptingUser(goal.service(), coordinator), referral + "/completion",
                Map.of("outcome", units >= 3 ? "GOAL_ACHIEVED" : units > 0 ? "PARTIALLY_ACHIEVED" : "NOT_ACHIEVED"));
    }

    private void meeting(LocalDate heldOn) {
        api.post(coordinator, path("/meetings"), Map.of("heldOn", heldOn.toString(),
                "participants", List.of(
                        Map.of("name", coordinator, "institution", "MOPS Wodzisław Śląski", "role", "koordynator",
                                "userId", coordinator),
                        Map.of("name", "ewa", "institution", "MOPS Wodzisław Śląski",
                                "role", "specjalista ds. dziedziczonego ubóstwa", "userId", "ewa"),
                        Map.of("name", "pedagog szkolny", "institution", "Szkoła Podstawowa nr 9", "role", "pedagog")),
                "decisions", List.of(Map.of("text", "Przegląd realizacji planu", "responsible", coordinator,
                        "dueBy", heldOn.plusMonths(3).toString()))));
    }

    /** 0 (nothing changed) to 1 (on its own feet): more support helps, addiction holds back. */
    private double progress() {
        double progress = 0.15 + 0.045 * deliveries + 0.25 * random.nextDouble();
        if (areas.contains("ADDICTION")) {
            progress -= 0.25;
        }
        if (areas.contains("LONG_TERM_ILLNESS")) {
            progress -= 0.1;
        }
        return Math.max(0, Math.min(1, progress));
    }

    private void measure(String horizon, LocalDate measuredOn, double progress) {
        boolean independent = progress >= 0.55;
        int months = independent ? 0 : (int) Math.round(12 * (1 - progress));
        List<Map<String, Object>> members = new ArrayList<>();
        grandparents.forEach(id -> members.add(Map.of("memberId", id, "employment", "RETIRED")));
        for (int i = 0; i < parents.size(); i++) {
            boolean works = progress >= 0.55 - 0.2 * i ? i == 0 || random.nextBoolean() : false;
            members.add(Map.of("memberId", parents.get(i), "employment", works ? "EMPLOYED" : "UNEMPLOYED",
                    "inEducationOrTraining", !works && progress > 0.3));
        }
        children.forEach((id, birthYear) -> {
            Map<String, Object> child = new HashMap<>(Map.of("memberId", id));
            if (birthYear != null) {
                child.put("schoolAttendanceRate", Math.min(1.0, 0.7 + 0.3 * progress + 0.05 * random.nextDouble()));
                child.put("inEducationOrTraining", true);
            }
            members.add(child);
        });
        api.post("ewa", path("/outcome-measurements"), Map.of("horizon", horizon, "measuredOn", measuredOn.toString(),
                "household", Map.of("incomePerPerson", Math.round(600 + 1400 * Math.max(0, progress)),
                        "receivesSocialAssistance", months > 0, "monthsOnAssistanceLast12", Math.min(12, months)),
                "members", members));
    }

    private List<String> all() {
        List<String> all = new ArrayList<>(grandparents);
        all.addAll(parents);
        all.addAll(children.keySet());
        return all;
    }

    private String path(String suffix) {
        return "/api/cases/" + caseId + suffix;
    }
}
