package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The generated OpenAPI description against the REST contract: every method and path that
 * {@code API.md} lists (a copy of /work/shared/API.md in the test resources) is described, with its
 * roles and problem responses, and both the description and Swagger UI are open without logging in.
 */
class OpenApiTest extends EmbeddedApplicationTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|DELETE|PATCH) ([^` ?]+)");

    @Test
    void apiDocsDescribeEveryEndpointOfTheContract() throws IOException {
        JsonNode docs = api.get(null, "/v3/api-docs").expect(200).json();
        Set<String> described = new TreeSet<>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                described.add(operation.getKey().toUpperCase() + " " + normalise(path.getKey()))));

        List<String> missing = new ArrayList<>();
        for (String endpoint : contractEndpoints()) {
            if (!described.contains(endpoint)) {
                missing.add(endpoint);
            }
        }
        assertThat(missing).as("endpoints of API.md missing from /v3/api-docs " + described).isEmpty();
    }

    @Test
    void everyOperationSaysWhoMayCallItAndWhichProblemsItAnswers() {
        JsonNode docs = api.get(null, "/v3/api-docs").expect(200).json();
        List<String> withoutRoles = new ArrayList<>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode op = operation.getValue();
            String description = op.path("description").asString("");
            if (!description.contains("**Roles:**") || description.contains("see the description")) {
                withoutRoles.add(operation.getKey() + " " + path.getKey());
            }
            assertThat(op.at("/responses/401/content/application~1problem+json/schema/$ref").asString(""))
                    .isEqualTo("#/components/schemas/Problem");
        }));
        assertThat(withoutRoles).isEmpty();
        assertThat(docs.at("/components/schemas/Problem/properties/type/enum").toString())
                .contains("urn:sciezka:problem:invalid-input", "urn:sciezka:problem:precondition-failed");
        assertThat(docs.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
        JsonNode openCase = docs.at("/paths/~1api~1cases/post");
        assertThat(openCase.at("/responses/201").isMissingNode()).isFalse();
        assertThat(openCase.get("parameters").toString()).contains("Idempotency-Key").doesNotContain("actor");
    }

    @Test
    void swaggerUiOpensWithoutLoggingIn() {
        api.get(null, "/swagger-ui/index.html").expect(200);
    }

    private List<String> contractEndpoints() throws IOException {
        List<String> endpoints = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/API.md")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    String path = row.group(2).replace("…", "/api/cases/{caseId}");
                    endpoints.add(row.group(1) + " " + normalise(path));
                }
            }
        }
        assertThat(endpoints).hasSizeGreaterThan(30);
        return endpoints;
    }

    private static String normalise(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
