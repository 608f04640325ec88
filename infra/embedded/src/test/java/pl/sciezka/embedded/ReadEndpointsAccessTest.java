package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pl.sciezka.query.pseudonyms.Pseudonyms;

/**
 * Every read endpoint for every role: what each may read (200), what its role may not (403), and a
 * case it may not see, which answers exactly as one that does not exist (404). Anna coordinates the
 * case; Bartek is another caseworker; evaluators name the case by its pseudonym, and read only the
 * as-of view of a case file (pseudonymised), not the live one.
 */
class ReadEndpointsAccessTest extends EmbeddedApplicationTest {

    private static final List<String> USERS = List.of("anna", "bartek", "ewa", "celina", "dawid", "pup", "admin");

    /** Path, then the expected status for each user of {@link #USERS}, in that order. */
    private static final String MATRIX = """
            /api/caseload                         200 200 200 200 403 403 403
            /api/cases/{case}                     200 404 200 200 403 403 403
            /api/cases/{case}?asOf={now}          200 404 200 200 404 403 403
            /api/cases/{pseudonym}?asOf={now}     404 404 404 404 200 403 403
            /api/cases/{pseudonym}                404 404 404 404 403 403 403
            /api/cases/no-such-case               404 404 404 404 403 403 403
            /api/cases/{case}/timeline            200 404 403 200 403 403 403
            /api/audit/decisions                  403 403 403 200 403 403 403
            /api/audit/reads                      403 403 403 200 403 403 403
            /api/outcomes/cases/{case}            200 404 403 200 404 403 403
            /api/outcomes/cases/{pseudonym}       404 404 403 404 200 403 403
            /api/outcomes/cohorts                 403 403 403 200 200 403 403
            /api/network/offerings                200 200 200 200 200 200 200
            /api/network/usage                    403 403 403 200 200 403 200
            /api/exports/events                   403 403 403 403 200 403 403
            /api/admin/projections                403 403 403 403 403 403 200
            """;

    @Autowired
    Pseudonyms pseudonyms;

    @Test
    void eachRoleReadsWhatItMayAndIsRefusedOrToldNotFoundOtherwise() {
        Journey journey = new Journey(api).network().family();
        Eventually.within(Duration.ofSeconds(15), () -> {
            api.get("anna", journey.path("")).expect(200);
            api.get("anna", "/api/outcomes/cases/" + journey.caseId).expect(200);
            api.get("anna", journey.path("/timeline")).expect(200);
            // the evaluator names the case by its pseudonym, which a projection of its own resolves
            api.get("dawid", "/api/cases/" + pseudonyms.of("case", journey.caseId) + "?asOf=" + Instant.now()).expect(200);
        });
        String now = Instant.now().toString();

        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String row : MATRIX.strip().split("\n")) {
            String[] cells = row.trim().split("\\s+");
            String path = cells[0].replace("{case}", journey.caseId).replace("{now}", now)
                    .replace("{pseudonym}", pseudonyms.of("case", journey.caseId));
            for (int i = 0; i < USERS.size(); i++) {
                int expected = Integer.parseInt(cells[i + 1]);
                ApiClient.Response response = api.get(USERS.get(i), path);
                checked++;
                if (response.status() != expected) {
                    mismatches.add(USERS.get(i) + " GET " + cells[0] + ": " + response.status() + " instead of " + expected);
                } else if (expected >= 400) {
                    assertThat(response.header("Content-Type")).as(row).startsWith("application/problem+json");
                }
            }
            assertThat(api.get(null, path).status()).as("anonymous GET %s", cells[0]).isEqualTo(401);
        }
        assertThat(mismatches).isEmpty();
        assertThat(checked).isEqualTo(16 * USERS.size());
    }
}
