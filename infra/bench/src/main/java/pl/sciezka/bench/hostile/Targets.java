package pl.sciezka.bench.hostile;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import pl.sciezka.bench.client.Api;
import pl.sciezka.bench.load.SupportNetwork;

/**
 * What hostile requests aim at, made through the API first: anna's case with three generations, a
 * diagnosis, a plan, a referral accepted by pup's labour office and one issued to an institution pup
 * does not work for; bartek's case with a member and an accepted referral; an offering of each institution.
 */
public record Targets(String caseId, String parentId, String childId, String goalId, String referralId,
                      String foreignReferralId, String eventId, String offeringId, String institutionId,
                      String bartekCaseId, String bartekMemberId, String bartekReferralId) {

    static final String TODAY = LocalDate.now(ZoneId.of("Europe/Warsaw")).toString();

    public static Targets prepare(Api api) {
        SupportNetwork network = SupportNetwork.create(api);
        String foreignInstitution = api.post("admin", "/api/network/institutions", Map.of("name", "Poradnia",
                "kind", "COUNSELLING_CENTRE")).expectOk().id();
        String foreignOffering = api.post("admin", "/api/network/offerings", Map.of("institutionId", foreignInstitution,
                "category", "SPECIALIST_COUNSELLING", "name", "Terapia rodzinna", "unit", "hour", "unitCost", 120,
                "capacity", 50)).expectOk().id();

        String caseId = api.post("anna", "/api/cases", Map.of("familyName", "Nowak", "district", "Wilchwy")).expectOk().id();
        String path = "/api/cases/" + caseId;
        String parentId = member(api, "anna", path, "PARENT", 1985);
        String childId = member(api, "anna", path, "CHILD", 2014);
        member(api, "anna", path, "GRANDPARENT", 1955);
        api.post("anna", path + "/diagnoses", Map.of("source", "TASK_TEAM", "problems", List.of(
                Map.of("area", "POVERTY", "severity", "HIGH", "memberIds", List.of(parentId))))).expectOk();
        String goalId = api.put("anna", path + "/support-plan", Map.of("goals", List.of(Map.of("area", "POVERTY",
                "memberIds", List.of(parentId), "description", "praca", "targetDate", TODAY))))
                .expectOk().json().at("/goalIds/0").asString();
        String referralId = api.post("anna", path + "/referrals", Map.of("offeringId", network.offeringId(),
                "memberIds", List.of(parentId), "goalId", goalId, "reason", "staż")).expectOk().id();
        api.post("pup", path + "/referrals/" + referralId + "/acceptance", "").expectOk();
        String foreignReferralId = api.post("anna", path + "/referrals", Map.of("offeringId", foreignOffering,
                "memberIds", List.of(parentId), "goalId", goalId, "reason", "terapia")).expectOk().id();
        String eventId = firstEventId(api, path);

        String bartekCase = api.post("bartek", "/api/cases", Map.of("familyName", "Kowalski", "district", "Wilchwy"))
                .expectOk().id();
        String bartekPath = "/api/cases/" + bartekCase;
        String bartekMember = member(api, "bartek", bartekPath, "PARENT", 1980);
        String bartekReferral = api.post("bartek", bartekPath + "/referrals", Map.of("offeringId", network.offeringId(),
                "memberIds", List.of(bartekMember), "reason", "staż")).expectOk().id();
        api.post("pup", bartekPath + "/referrals/" + bartekReferral + "/acceptance", "").expectOk();
        return new Targets(caseId, parentId, childId, goalId, referralId, foreignReferralId, eventId,
                network.offeringId(), network.institutionId(), bartekCase, bartekMember, bartekReferral);
    }

    /** The timeline is a projection: wait for it to show the case's first event. */
    private static String firstEventId(Api api, String path) {
        for (int attempt = 0; attempt < 600; attempt++) {
            Api.Response timeline = api.get("anna", path + "/timeline");
            if (timeline.ok() && timeline.json().at("/entries/0/eventId").isString()) {
                return timeline.json().at("/entries/0/eventId").asString();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the timeline of " + path + " stayed empty");
    }

    private static String member(Api api, String user, String path, String generation, int birthYear) {
        return api.post(user, path + "/members", Map.of("firstName", "Jan", "lastName", "Nowak", "birthYear", birthYear,
                "generation", generation, "relation", "krewny")).expectOk().id();
    }
}
