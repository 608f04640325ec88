package pl.sciezka.bench.hostile;

import static pl.sciezka.bench.hostile.Endpoint.Kind.*;
import static pl.sciezka.bench.hostile.Endpoint.array;
import static pl.sciezka.bench.hostile.Endpoint.field;
import static pl.sciezka.bench.hostile.Endpoint.object;
import static pl.sciezka.bench.hostile.Endpoint.optional;
import static pl.sciezka.bench.hostile.Endpoint.required;
import static pl.sciezka.bench.hostile.Endpoint.text;
import static pl.sciezka.bench.hostile.Targets.TODAY;

import java.util.List;
import java.util.Map;

/** Every write endpoint of the API (API.md), each with a request its user may send and the kinds of its fields. */
final class WriteEndpoints {

    private WriteEndpoints() {
    }

    static List<Endpoint> all(Targets t) {
        String c = "/api/cases/" + t.caseId();
        String r = c + "/referrals/" + t.referralId();
        return List.of(
                new Endpoint("open case", "POST", "/api/cases", "anna",
                        object("familyName", "Nowak", "district", "Wilchwy", "coordinatorId", "anna"),
                        List.of(text(true, 120, "familyName"), text(true, 120, "district"),
                                optional(REFERENCE, "coordinatorId"))),
                new Endpoint("register member", "POST", c + "/members", "anna",
                        object("firstName", "Jan", "lastName", "Nowak", "birthYear", 1990, "generation", "PARENT",
                                "relation", "ojciec", "pesel", "90010112349"),
                        List.of(text(true, 100, "firstName"), text(true, 100, "lastName"),
                                field(INTEGER, true, 1900, 2100, "birthYear"), required(CODE, "generation"),
                                text(true, 60, "relation"), optional(REFERENCE, "pesel"))),
                new Endpoint("record diagnosis", "POST", c + "/diagnoses", "anna",
                        object("source", "TASK_TEAM", "problems", array(object("area", "POVERTY",
                                "memberIds", array(t.parentId()), "severity", "HIGH", "description", "opis"))),
                        List.of(required(CODE, "source"), field(ARRAY, true, 1, 15, "problems"),
                                required(OBJECT, "problems", 0), required(CODE, "problems", 0, "area"),
                                required(REFERENCE, "problems", 0, "memberIds", 0), required(CODE, "problems", 0, "severity"),
                                text(false, 4000, "problems", 0, "description"))),
                new Endpoint("agree support plan", "PUT", c + "/support-plan", "anna",
                        object("goals", array(object("goalId", t.goalId(), "area", "POVERTY", "memberIds", array(t.parentId()),
                                "description", "praca", "targetDate", TODAY))),
                        List.of(field(ARRAY, true, 1, 50, "goals"), field(FREE_ID, false, 0, 64, "goals", 0, "goalId"),
                                required(CODE, "goals", 0, "area"), required(REFERENCE, "goals", 0, "memberIds", 0),
                                text(true, 2000, "goals", 0, "description"), required(DATE, "goals", 0, "targetDate"))),
                new Endpoint("achieve goal", "POST", c + "/support-plan/goals/" + t.goalId() + "/achievement", "anna",
                        object("reason", "osiągnięty"), List.of(text(true, 2000, "reason"))),
                new Endpoint("issue referral", "POST", c + "/referrals", "anna",
                        object("offeringId", t.offeringId(), "memberIds", array(t.parentId()), "goalId", t.goalId(),
                                "reason", "staż"),
                        List.of(required(REFERENCE, "offeringId"), required(REFERENCE, "memberIds", 0),
                                field(ARRAY, true, 1, 50, "memberIds"), required(REFERENCE, "goalId"),
                                text(true, 2000, "reason"))),
                new Endpoint("accept referral", "POST", r + "/acceptance", "pup", object(), List.of()),
                new Endpoint("decline referral", "POST", r + "/decline", "pup", object("reason", "brak miejsc"),
                        List.of(text(true, 2000, "reason"))),
                new Endpoint("revoke referral", "POST", r + "/revocation", "anna", object("reason", "rezygnacja"),
                        List.of(text(true, 2000, "reason"))),
                new Endpoint("record drop-out", "POST", r + "/dropout", "anna", object("reason", "nie przychodzi"),
                        List.of(text(true, 2000, "reason"))),
                new Endpoint("record delivery", "POST", r + "/deliveries", "pup",
                        object("deliveredOn", TODAY, "units", 2, "memberIds", array(t.parentId())),
                        List.of(required(PAST_DATE, "deliveredOn"), field(DECIMAL, true, 0, 10_000, "units"),
                                required(REFERENCE, "memberIds", 0), field(ARRAY, true, 1, 50, "memberIds"))),
                new Endpoint("complete referral", "POST", r + "/completion", "pup", object("outcome", "GOAL_ACHIEVED"),
                        List.of(required(CODE, "outcome"))),
                new Endpoint("record meeting", "POST", c + "/meetings", "anna",
                        object("heldOn", TODAY, "participants", array(object("name", "Anna", "institution", "MOPS",
                                "role", "koordynator", "userId", "anna")), "decisions", array(object("text", "decyzja",
                                "responsible", "Anna", "dueBy", TODAY))),
                        List.of(required(PAST_DATE, "heldOn"), field(ARRAY, true, 1, 50, "participants"),
                                text(true, 200, "participants", 0, "name"), text(true, 200, "participants", 0, "institution"),
                                text(true, 100, "participants", 0, "role"), required(REFERENCE, "participants", 0, "userId"),
                                field(ARRAY, false, 0, 50, "decisions"), text(true, 2000, "decisions", 0, "text"),
                                required(DATE, "decisions", 0, "dueBy"))),
                new Endpoint("record measurement", "POST", c + "/outcome-measurements", "anna",
                        object("horizon", "BASELINE", "measuredOn", TODAY, "household", object("incomePerPerson", 800,
                                "receivesSocialAssistance", true, "monthsOnAssistanceLast12", 6, "housing", "STABLE"),
                                "members", array(object("memberId", t.childId(), "inEducationOrTraining", true,
                                        "schoolAttendanceRate", 0.9))),
                        List.of(required(CODE, "horizon"), required(PAST_DATE, "measuredOn"), required(OBJECT, "household"),
                                field(DECIMAL, true, 0, 0, "household", "incomePerPerson"),
                                required(BOOLEAN, "household", "receivesSocialAssistance"),
                                field(INTEGER, true, 0, 12, "household", "monthsOnAssistanceLast12"),
                                optional(CODE, "household", "housing"), field(ARRAY, false, 0, 50, "members"),
                                required(REFERENCE, "members", 0, "memberId"), optional(FRACTION, "members", 0, "schoolAttendanceRate"),
                                optional(BOOLEAN, "members", 0, "inEducationOrTraining"))),
                new Endpoint("request closure", "POST", c + "/closure-request", "anna",
                        object("reason", "GOALS_ACHIEVED", "justification", "cele osiągnięte"),
                        List.of(required(CODE, "reason"), text(true, 4000, "justification"))),
                new Endpoint("approve closure", "POST", c + "/closure-request/approval", "celina", object("comment", "zgoda"),
                        List.of(text(true, 4000, "comment"))),
                new Endpoint("reject closure", "POST", c + "/closure-request/rejection", "celina", object("comment", "nie"),
                        List.of(text(true, 4000, "comment"))),
                new Endpoint("reopen case", "POST", c + "/reopening", "celina", object("reason", "powrót"),
                        List.of(text(true, 4000, "reason"))),
                new Endpoint("erase member", "POST", c + "/members/" + t.childId() + "/erasure", "celina",
                        object("reason", "wniosek RODO"), List.of(text(true, 4000, "reason"))),
                new Endpoint("reassign coordinator", "POST", c + "/coordinator", "celina",
                        object("coordinatorId", "bartek", "reason", "urlop"),
                        List.of(field(FREE_ID, true, 0, 64, "coordinatorId"), text(true, 4000, "reason"))),
                new Endpoint("review decision", "POST", c + "/reviews", "celina",
                        object("eventId", t.eventId(), "verdict", "ENDORSED", "comment", "ok"),
                        List.of(required(REFERENCE, "eventId"), required(CODE, "verdict"), text(true, 4000, "comment"))),
                new Endpoint("register institution", "POST", "/api/network/institutions", "admin",
                        object("name", "Szkoła", "kind", "SCHOOL", "staffUserIds", array("nauczyciel")),
                        List.of(text(true, 200, "name"), required(CODE, "kind"), field(ARRAY, false, 0, 100, "staffUserIds"),
                                field(FREE_ID, true, 0, 64, "staffUserIds", 0))),
                new Endpoint("list offering", "POST", "/api/network/offerings", "admin",
                        object("institutionId", t.institutionId(), "category", "HEALTH", "name", "Terapia", "unit", "h",
                                "unitCost", 100, "capacity", 10),
                        List.of(required(REFERENCE, "institutionId"), required(CODE, "category"), text(true, 200, "name"),
                                text(true, 40, "unit"), field(DECIMAL, true, 0, 0, "unitCost"),
                                field(INTEGER, true, 1, 100_000, "capacity"))),
                new Endpoint("withdraw offering", "POST", "/api/network/offerings/" + t.offeringId() + "/withdrawal", "admin",
                        object("reason", "koniec programu"), List.of(text(true, 2000, "reason"))));
    }

    /** Endpoints whose path names ids, with each id's position, for hostile ids in the path. */
    static Map<String, String> pathIds(Targets t) {
        return Map.of(t.caseId(), "caseId", t.referralId(), "referralId", t.childId(), "memberId",
                t.goalId(), "goalId", t.offeringId(), "offeringId");
    }
}
