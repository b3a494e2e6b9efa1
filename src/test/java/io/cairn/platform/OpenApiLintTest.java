package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document the server describes its API with passes Redocly's recommended lint rules ({@link OpenApiLint})
 * and documents, for every operation, the problems it can answer; what it says about security and problems is what
 * the server does. The document is saved as {@code target/openapi.json} for {@code .ci/openapi-lint}.
 */
class OpenApiLintTest extends ApiClient.OnServer {

    /** The document of the server all these tests share; springdoc makes it once, at the first request. */
    private static @Nullable JsonNode shared;

    private JsonNode document;

    @BeforeEach
    void fetchTheDocument() throws IOException {
        if (shared == null) {
            ApiClient.Answer answer = firstAnswer();
            assertThat(answer.status()).isEqualTo(200);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/openapi.json"), answer.body());
            shared = answer.json();
        }
        document = shared;
    }

    /** Making the document can take longer than a client's timeout on a busy machine; it is kept once made. */
    private ApiClient.Answer firstAnswer() {
        for (int attempt = 1; ; attempt++) {
            try {
                return new ApiClient(port, null).get("/v3/api-docs");
            } catch (UncheckedIOException timeout) {
                if (attempt == 3) {
                    throw timeout;
                }
            }
        }
    }

    /**
     * Warnings of Redocly's recommended set that the document keeps, each for its reason; no error is accepted.
     */
    private static final Map<String, String> ACCEPTED = Map.of(
            "operation-4xx-response: GET /api/v1/public/report-templates: has no 4xx response",
            "it takes no input and is open to anyone: there is no problem it can answer");

    @Test
    void theDocumentPassesTheLintRules() {
        List<String> violations = OpenApiLint.violations(document).stream()
                .filter(violation -> !ACCEPTED.containsKey(violation))
                .toList();

        assertThat(violations)
                .as("lint violations of /v3/api-docs:\n" + String.join("\n", violations))
                .isEmpty();
    }

    @Test
    void theDocumentNamesItsLicenceAndTheWaysToAuthenticate() {
        assertThat(document.at("/info/license/identifier").asString()).isEqualTo("Apache-2.0");
        assertThat(document.at("/components/securitySchemes/token/scheme").asString())
                .isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/session/in").asString())
                .isEqualTo("cookie");
        assertThat(document.at("/servers/0/url").asString()).isEqualTo("/");
    }

    @Test
    void everyErrorResponseIsTheOneProblemSchemaAsProblemJson() {
        List<String> others = new ArrayList<>();
        for (OpenApiLint.Operation operation : OpenApiLint.operations(document)) {
            operation.node().path("responses").properties().forEach(response -> {
                JsonNode resolved = OpenApiLint.resolve(document, response.getValue());
                String schema = resolved.at("/content/application~1problem+json/schema/$ref")
                        .asString("");
                if (response.getKey().startsWith("4")
                        && (!schema.equals("#/components/schemas/Problem")
                                || resolved.path("content").size() != 1)) {
                    others.add(operation.where() + " " + response.getKey());
                }
            });
        }

        assertThat(others).isEmpty();
        assertThat(document.at("/components/schemas/Problem/properties").propertyNames())
                .containsExactly("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void eachOperationDocumentsTheProblemsItCanAnswerByItsInputAndAccess() {
        assertThat(statuses("get", "/api/v1/me"))
                .as("any signed-in account may read itself")
                .containsExactly("200", "401");
        assertThat(statuses("get", "/api/v1/notifications/unread-count")).containsExactly("200", "401", "403");
        assertThat(statuses("get", "/api/v1/incidents/{id}")).containsExactly("200", "400", "401", "403", "404");
        assertThat(statuses("post", "/api/v1/incidents")).containsExactly("201", "400", "401", "403", "413", "415");
        assertThat(statuses("post", "/api/v1/incidents/{id}/describe"))
                .containsExactly("200", "400", "401", "403", "404", "409", "413", "415");
        assertThat(operation("post", "/api/v1/incidents/{id}/describe")
                        .at("/responses/409/$ref")
                        .asString())
                .isEqualTo("#/components/responses/Stale");
        assertThat(operation("put", "/api/v1/playbooks/{id}")
                        .at("/responses/409/description")
                        .asString())
                .as("the version is a query parameter there")
                .contains("`version` is no longer the stored");
        assertThat(statuses("post", "/api/v1/routing-rules"))
                .as("adding ignores the body's version")
                .doesNotContain("409");
        assertThat(statuses("post", "/api/v1/public/follow-up")).containsExactly("200", "400", "413", "415", "429");
        assertThat(operation("post", "/api/v1/public/follow-up").get("security"))
                .isEmpty();
    }

    @Test
    void aConflictTheMethodDeclaresKeepsItsWordsAndNamesAStaleVersionToo() {
        String conflict = operation("put", "/api/v1/teams/{id}")
                .at("/responses/409/description")
                .asString();

        assertThat(conflict).startsWith("The name is already taken.").contains("`version` is no longer the stored");
        assertThat(operation("post", "/api/v1/teams")
                        .at("/responses/409/description")
                        .asString())
                .isEqualTo("The name is already taken.");
    }

    @Test
    void theDocumentedSecurityIsWhatTheServerAsks() {
        ApiClient anonymous = new ApiClient(port, null);
        List<String> wrong = new ArrayList<>();
        for (OpenApiLint.Operation operation : OpenApiLint.operations(document)) {
            if (!operation.method().equals("get")) {
                continue;
            }
            boolean open = operation.node().has("security")
                    && operation.node().get("security").isEmpty();
            int status = anonymous
                    .get(operation
                            .path()
                            .replaceAll("\\{[^}]+}", UUID.randomUUID().toString()))
                    .status();
            if (open == (status == 401)) {
                wrong.add(operation.where() + " documented " + (open ? "open" : "signed-in only") + " but answered "
                        + status);
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void theProblemSchemaHoldsWhatTheServerWrites() {
        ApiClient handler = client(users.user("lint-handler", Set.of(Role.HANDLER)));
        List<JsonNode> problems = List.of(
                new ApiClient(port, null).get("/api/v1/incidents").json(),
                handler.post("/api/v1/incidents", Map.of("title", "Lint", "description", "Lint", "impact", "vast"))
                        .json(),
                handler.get("/api/v1/incidents/" + UUID.randomUUID()).json());
        JsonNode schema = document.at("/components/schemas/Problem");

        for (JsonNode problem : problems) {
            assertThat(schema.path("properties").propertyNames())
                    .as(problem.toString())
                    .containsAll(problem.propertyNames());
            schema.path("required")
                    .forEach(field -> assertThat(problem.has(field.asString()))
                            .as(problem.toString())
                            .isTrue());
        }
        assertThat(problems.get(1).at("/errors/0/field").asString()).isEqualTo("impact");
    }

    private List<String> statuses(String method, String path) {
        return List.copyOf(operation(method, path).path("responses").propertyNames());
    }

    private JsonNode operation(String method, String path) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        return operation;
    }
}
