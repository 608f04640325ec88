package pl.sciezka.platform.openapi;

import java.util.Map;
import java.util.Optional;

/**
 * Who may call each operation, as the contract states it. The rules themselves live where the case
 * is known (aggregate, query handler); this table only tells readers of the OpenAPI description.
 * Keys are the method and the path with every path variable written {@code {}}.
 */
final class ApiRoles {

    private static final String CASE = "/api/cases/{}";
    private static final String REFERRAL = CASE + "/referrals/{}";

    private static final Map<String, String> WHO = Map.ofEntries(
            Map.entry("POST /api/cases", "CASEWORKER, SUPERVISOR"),
            Map.entry("POST " + CASE + "/members", "the coordinator (CASEWORKER), SPECIALIST"),
            Map.entry("POST " + CASE + "/diagnoses", "the coordinator (CASEWORKER)"),
            Map.entry("PUT " + CASE + "/support-plan", "the coordinator (CASEWORKER)"),
            Map.entry("POST " + CASE + "/support-plan/goals/{}/{}", "the coordinator (CASEWORKER)"),
            Map.entry("POST " + CASE + "/referrals", "the coordinator (CASEWORKER)"),
            Map.entry("POST " + REFERRAL + "/acceptance", "PROVIDER of the offering, the coordinator"),
            Map.entry("POST " + REFERRAL + "/decline", "PROVIDER of the offering, the coordinator"),
            Map.entry("POST " + REFERRAL + "/revocation", "the coordinator, SUPERVISOR"),
            Map.entry("POST " + REFERRAL + "/dropout", "PROVIDER of the offering, the coordinator"),
            Map.entry("POST " + REFERRAL + "/deliveries", "PROVIDER of the offering, the coordinator, SPECIALIST"),
            Map.entry("POST " + REFERRAL + "/completion", "PROVIDER of the offering, the coordinator"),
            Map.entry("POST " + CASE + "/meetings", "the coordinator, SPECIALIST"),
            Map.entry("POST " + CASE + "/outcome-measurements", "the coordinator, SPECIALIST"),
            Map.entry("POST " + CASE + "/closure-request", "the coordinator (CASEWORKER)"),
            Map.entry("POST " + CASE + "/closure-request/approval", "SUPERVISOR (not the one who asked)"),
            Map.entry("POST " + CASE + "/closure-request/rejection", "SUPERVISOR"),
            Map.entry("POST " + CASE + "/reopening", "the coordinator, SUPERVISOR"),
            Map.entry("POST " + CASE + "/members/{}/erasure", "SUPERVISOR"),
            Map.entry("POST " + CASE + "/coordinator", "SUPERVISOR"),
            Map.entry("POST " + CASE + "/reviews", "SUPERVISOR"),
            Map.entry("POST /api/network/institutions", "ADMIN"),
            Map.entry("POST /api/network/offerings", "ADMIN"),
            Map.entry("POST /api/network/offerings/{}/withdrawal", "ADMIN"),
            Map.entry("GET /api/network/offerings", "every authenticated user"),
            Map.entry("GET /api/network/usage", "SUPERVISOR, EVALUATOR, ADMIN"),
            Map.entry("GET /api/caseload", "CASEWORKER (own cases), SPECIALIST, SUPERVISOR (?coordinatorId=)"),
            Map.entry("GET " + CASE, "the coordinator, SPECIALIST, SUPERVISOR; with ?asOf= also EVALUATOR (pseudonymised)"),
            Map.entry("GET " + CASE + "/timeline", "the coordinator, SUPERVISOR"),
            Map.entry("GET /api/audit/decisions", "SUPERVISOR"),
            Map.entry("GET /api/audit/reads", "SUPERVISOR"),
            Map.entry("GET /api/outcomes/cases/{}", "the coordinator, SUPERVISOR, EVALUATOR"),
            Map.entry("GET /api/outcomes/cohorts", "SUPERVISOR, EVALUATOR"),
            Map.entry("GET /api/exports/events", "EVALUATOR"),
            Map.entry("GET /api/outcomes/cohorts/chart", "SUPERVISOR, EVALUATOR"),
            Map.entry("GET /api/outcomes/cases/{}/chart", "the coordinator, SUPERVISOR, EVALUATOR"),
            Map.entry("GET " + CASE + "/support-path/chart", "the coordinator, SPECIALIST, SUPERVISOR"),
            Map.entry("GET /api/admin/projections", "ADMIN"),
            Map.entry("POST /api/admin/projections/rebuild", "ADMIN"),
            Map.entry("POST /api/admin/projections/{}/rebuild", "ADMIN"),
            Map.entry("GET /api/admin/projections/{}/dead-letters", "ADMIN"),
            Map.entry("POST /api/admin/projections/{}/dead-letters/retry", "ADMIN"));

    /** Writes that answer other than {@code 200}: creations ({@code 201}) and the accepted rebuilds. */
    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry("POST /api/cases", 201),
            Map.entry("POST " + CASE + "/members", 201),
            Map.entry("POST " + CASE + "/diagnoses", 201),
            Map.entry("POST " + CASE + "/referrals", 201),
            Map.entry("POST " + REFERRAL + "/deliveries", 201),
            Map.entry("POST " + CASE + "/meetings", 201),
            Map.entry("POST " + CASE + "/outcome-measurements", 201),
            Map.entry("POST " + CASE + "/reviews", 201),
            Map.entry("POST /api/network/institutions", 201),
            Map.entry("POST /api/network/offerings", 201),
            Map.entry("POST /api/admin/projections/rebuild", 202),
            Map.entry("POST /api/admin/projections/{}/rebuild", 202));

    private ApiRoles() {
    }

    static int successStatus(String method, String path) {
        return STATUS.getOrDefault(method + " " + normalise(path), 200);
    }

    static Optional<String> of(String method, String path) {
        return Optional.ofNullable(WHO.get(method + " " + normalise(path)));
    }

    /** {@code /api/cases/{caseId}} and {@code /api/cases/{id}} are the same path. */
    static String normalise(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
