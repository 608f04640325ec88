package pl.sciezka.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import pl.sciezka.api.Actor;
import pl.sciezka.api.problem.ProblemType;

/**
 * The OpenAPI description at {@code /v3/api-docs} and Swagger UI at {@code /swagger-ui.html}: every
 * operation the controllers map, with who may call it and the RFC 9457 problems it may answer.
 */
@AutoConfiguration
public class OpenApiConfiguration {

    static {
        // resolved from the authenticated user, not sent by the client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    private static final String PROBLEM = "Problem";
    private static final List<ProblemType> COMMON = List.of(ProblemType.MALFORMED_REQUEST,
            ProblemType.UNAUTHENTICATED, ProblemType.FORBIDDEN, ProblemType.NOT_FOUND);
    private static final List<ProblemType> WRITES = List.of(ProblemType.INVALID_INPUT, ProblemType.STATE_CONFLICT,
            ProblemType.PRECONDITION_FAILED, ProblemType.PAYLOAD_TOO_LARGE, ProblemType.UNSUPPORTED_MEDIA_TYPE,
            ProblemType.IDEMPOTENCY_KEY_REUSED);

    @Bean
    OpenAPI sciezkaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Ścieżka API").version("v1").description(description()))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Built-in demo users of the embedded default; password = user name"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT").description("Production profiles"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OpenApiCustomizer rolesAndProblems() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String who = ApiRoles.of(method.name(), path).orElse("see the description");
            operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                    + "**Roles:** " + who);
            operation.addParametersItem(header("X-Correlation-Id",
                    "ties the request to the logs and the events it causes; generated when absent"));
            COMMON.forEach(type -> addProblem(operation, type));
            if (method != io.swagger.v3.oas.models.PathItem.HttpMethod.GET) {
                WRITES.forEach(type -> addProblem(operation, type));
                successStatus(operation, ApiRoles.successStatus(method.name(), path));
                operation.addParametersItem(header("Idempotency-Key",
                        "the same key with the same body answers the first response again; with another body 422"));
                if (path.startsWith("/api/cases/{")) {
                    operation.addParametersItem(header("If-Match",
                            "\"<version>\": refused with 412 if the case has moved on"));
                }
            }
        }));
    }

    private static io.swagger.v3.oas.models.parameters.Parameter header(String name, String description) {
        return new io.swagger.v3.oas.models.parameters.HeaderParameter().name(name).description(description)
                .required(false).schema(new StringSchema());
    }

    /** Controllers answer ResponseEntity, so the generated success is 200 whatever they set. */
    private static void successStatus(Operation operation, int status) {
        ApiResponse ok = operation.getResponses().get("200");
        if (status != 200 && ok != null) {
            operation.getResponses().remove("200");
            operation.getResponses().addApiResponse(Integer.toString(status), ok.description(status == 201
                    ? "Created; the new id in the body and in Location, the case's version in ETag" : "Accepted"));
        }
    }

    private static void addProblem(Operation operation, ProblemType type) {
        String status = Integer.toString(type.status());
        ApiResponse existing = operation.getResponses().get(status);
        if (existing == null) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(type.uri())
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        } else if (!existing.getDescription().contains(type.uri())) {
            existing.setDescription(existing.getDescription() + ", " + type.uri());
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        StringSchema type = new StringSchema();
        type.setEnum(Arrays.stream(ProblemType.values()).map(ProblemType::uri).toList());
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", type)
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("correlationId", new StringSchema())
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
    }

    private static String description() {
        return """
                Event-sourced back end for social work with three-generation families in inherited poverty.
                Writes go to the command side, reads to the query side. HTTP Basic with the built-in users \
                (anna, bartek: CASEWORKER; ewa: SPECIALIST; celina: SUPERVISOR; dawid: EVALUATOR; pup: PROVIDER; \
                admin: ADMIN; password = name). Any write accepts `Idempotency-Key`; writes on a case answer \
                `ETag` and accept `If-Match`. Code lists answer `{code, label}`, labels in Polish or with \
                `Accept-Language: en` in English.

                Problem types (`application/problem+json`):

                """ + Arrays.stream(ProblemType.values())
                .map(type -> "- `" + type.uri() + "` (" + type.status() + "): " + type.title())
                .collect(Collectors.joining("\n"));
    }
}
