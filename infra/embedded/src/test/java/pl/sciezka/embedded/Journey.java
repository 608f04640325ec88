package pl.sciezka.embedded;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Writes a family's support path over HTTP, step by step, remembering the ids the server gave out,
 * so tests can start from any point of it. Users are the built-in ones of the embedded default.
 */
final class Journey {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Warsaw"));

    private final ApiClient api;
    String institutionId;
    String offeringId;
    String caseId;
    String parentId;
    String childId;
    String goalId;
    String referralId;

    Journey(ApiClient api) {
        this.api = api;
    }

    /** The labour office (with provider user pup) and an internship it offers. */
    Journey network() {
        institutionId = api.post("admin", "/api/network/institutions", Map.of("name", "PUP Wodzisław Śląski",
                "kind", "LABOUR_OFFICE", "staffUserIds", List.of("pup"))).expect(201).json().get("institutionId").asString();
        offeringId = api.post("admin", "/api/network/offerings", Map.of("institutionId", institutionId,
                "category", "VOCATIONAL_ACTIVATION", "name", "Staż zawodowy", "unit", "month", "unitCost", 1250.5,
                "capacity", 20)).expect(201).json().get("offeringId").asString();
        return this;
    }

    /** Anna's case with a parent and a school-age child. */
    Journey family() {
        caseId = api.openCase("anna", "Nowak");
        return withMembers();
    }

    private Journey withMembers() {
        parentId = id(api.post("anna", path("/members"), Map.of("firstName", "Jan", "lastName", "Nowak",
                "birthYear", 1985, "generation", "PARENT", "relation", "father", "pesel", "85031401237")).expect(201),
                "memberId");
        childId = id(api.post("ewa", path("/members"), Map.of("firstName", "Ola", "lastName", "Nowak",
                "birthYear", TODAY.getYear() - 10, "generation", "CHILD", "relation", "daughter")).expect(201),
                "memberId");
        return this;
    }

    /** A plan with one goal for the parent, and an accepted referral serving it. */
    Journey acceptedReferral() {
        goalId = api.send(api.request("anna", path("/support-plan")).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(Map.of(
                        "goals", List.of(Map.of("area", "UNEMPLOYMENT", "memberIds", List.of(parentId),
                                "description", "stała praca", "targetDate", TODAY.plusMonths(6).toString()))))))
                .build()).expect(200).json().at("/goalIds/0").asString();
        referralId = id(api.post("anna", path("/referrals"), Map.of("offeringId", offeringId,
                "memberIds", List.of(parentId), "goalId", goalId, "reason", "aktywizacja")).expect(201), "referralId");
        api.post("pup", path("/referrals/" + referralId + "/acceptance"), "").expect(200);
        return this;
    }

    /**
     * Closes the case (anna asks, celina approves) and measures the 12-month follow-up: whether the
     * household is on assistance, whether the parent works, and the child's school attendance.
     */
    Journey closedAndFollowedUp(int monthsOnAssistance, boolean parentWorks, double childAttendance) {
        api.post("anna", path("/closure-request"), Map.of("reason", "GOALS_ACHIEVED", "justification", "j")).expect(200);
        api.post("celina", path("/closure-request/approval"), Map.of("comment", "ok")).expect(200);
        api.post("ewa", path("/outcome-measurements"), Map.of("horizon", "FOLLOW_UP_12M",
                "measuredOn", TODAY.toString(),
                "household", Map.of("incomePerPerson", parentWorks ? 1800 : 700,
                        "receivesSocialAssistance", monthsOnAssistance > 0, "monthsOnAssistanceLast12", monthsOnAssistance),
                "members", List.of(Map.of("memberId", parentId, "employment", parentWorks ? "EMPLOYED" : "UNEMPLOYED"),
                        Map.of("memberId", childId, "schoolAttendanceRate", childAttendance)))).expect(201);
        return this;
    }

    Journey inDistrict(String district) {
        caseId = api.post("anna", "/api/cases", Map.of("familyName", "Rodzina", "district", district))
                .expect(201).json().get("caseId").asString();
        return withMembers();
    }

    String path(String suffix) {
        return "/api/cases/" + caseId + suffix;
    }

    private static String id(ApiClient.Response response, String name) {
        return response.json().get(name).asString();
    }
}
