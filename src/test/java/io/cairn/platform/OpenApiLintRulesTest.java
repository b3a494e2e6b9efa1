package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Each rule of {@link OpenApiLint} finds the defect it is named for, and a clean document has none. */
class OpenApiLintRulesTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    /** A small document that breaks no rule: one signed-in operation and one open one, sharing the Problem schema. */
    private static final String CLEAN = """
            {"openapi": "3.1.0",
             "info": {"title": "T", "version": "v1", "description": "D",
                      "license": {"name": "Apache License 2.0", "identifier": "Apache-2.0"}},
             "servers": [{"url": "/"}],
             "security": [{"token": []}],
             "tags": [{"name": "Things", "description": "Things."}],
             "paths": {
               "/things/{id}": {"get": {"operationId": "getThing", "summary": "Read a thing", "tags": ["Things"],
                 "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                 "responses": {"200": {"description": "The thing"},
                               "404": {"$ref": "#/components/responses/NotFound"}}}},
               "/public/things": {"get": {"operationId": "listThings", "summary": "List things", "tags": ["Things"],
                 "security": [],
                 "responses": {"200": {"description": "The things"},
                               "400": {"description": "Bad", "content": {"application/problem+json": {
                                 "schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {
               "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
               "schemas": {"Problem": {"type": "object", "required": ["type", "title"], "properties": {
                 "type": {"type": "string"}, "title": {"type": "string"},
                 "kind": {"type": "string", "enum": ["a", "b"]}}}},
               "responses": {"NotFound": {"description": "Not found", "content": {"application/problem+json": {
                 "schema": {"$ref": "#/components/schemas/Problem"}}}}}}}
            """;

    @Test
    void aCleanDocumentHasNoViolations() {
        assertThat(OpenApiLint.violations(clean())).isEmpty();
    }

    static Stream<Arguments> defects() {
        return Stream.of(
                defect("info-license-strict", d -> info(d).putObject("license").put("name", "Apache-2.0")),
                defect("info-license", d -> info(d).remove("license")),
                defect("no-empty-servers", d -> d.putArray("servers")),
                defect("no-server-example.com", d -> server(d).put("url", "http://localhost:8080")),
                defect("no-server-trailing-slash", d -> server(d).put("url", "https://cairn.test/")),
                defect("no-path-trailing-slash", d -> rename(d, "/public/things", "/public/things/")),
                defect("path-declaration-must-exist", d -> rename(d, "/public/things", "/public/{}")),
                defect("path-not-include-query", d -> rename(d, "/public/things", "/public/things?all")),
                defect(
                        "no-identical-paths",
                        d -> paths(d).set(
                                        "/things/{key}",
                                        paths(d).get("/things/{id}").deepCopy())),
                defect("no-ambiguous-paths", d -> rename(d, "/public/things", "/{kind}/things")),
                defect("path-parameters-defined", d -> getThing(d).putArray("parameters")),
                defect(
                        "operation-parameters-unique",
                        d -> ((ArrayNode) getThing(d).get("parameters"))
                                .add(getThing(d).get("parameters").get(0).deepCopy())),
                defect("operation-summary", d -> getThing(d).remove("summary")),
                defect("operation-operationId", d -> getThing(d).remove("operationId")),
                defect("operation-operationId-unique", d -> getThing(d).put("operationId", "listThings")),
                defect("operation-operationId-url-safe", d -> getThing(d).put("operationId", "get thing")),
                defect("cairn-operationId-chosen", d -> getThing(d).put("operationId", "one_1")),
                defect("operation-2xx-response", d -> responses(d).remove("200")),
                defect("operation-4xx-response", d -> responses(d).remove("404")),
                defect(
                        "operation-4xx-problem-details-rfc7807",
                        d -> responses(d)
                                .putObject("409")
                                .put("description", "Conflict")
                                .putObject("content")
                                .putObject("application/json")),
                defect(
                        "operation-4xx-problem-details-rfc7807",
                        d -> ((ObjectNode) d.at("/components/schemas/Problem/properties")).remove("title")),
                defect(
                        "security-defined",
                        d -> getThing(d).putArray("security").addObject().putArray("cookie")),
                defect("security-defined", d -> {
                    d.remove("security");
                    getThing(d).remove("security");
                }),
                defect("tag-description", d -> ((ObjectNode) d.get("tags").get(0)).remove("description")),
                defect(
                        "no-duplicated-tag-names",
                        d -> ((ArrayNode) d.get("tags"))
                                .add(d.get("tags").get(0).deepCopy())),
                defect(
                        "operation-tag-defined",
                        d -> getThing(d).putArray("tags").add("thing-api")),
                defect("cairn-operation-tagged", d -> getThing(d).remove("tags")),
                defect(
                        "no-unused-components",
                        d -> ((ObjectNode) d.at("/components/schemas"))
                                .putObject("Spare")
                                .put("type", "object")),
                defect(
                        "no-unused-components",
                        d -> ((ObjectNode) d.at("/components/securitySchemes"))
                                .putObject("cookie")
                                .put("type", "apiKey")),
                defect(
                        "no-unresolved-refs",
                        d -> responses(d).putObject("409").put("$ref", "#/components/responses/Conflict")),
                defect(
                        "no-enum-type-mismatch",
                        d -> ((ArrayNode) d.at("/components/schemas/Problem/properties/kind" + "/enum")).add(3)),
                defect(
                        "no-required-schema-properties-undefined",
                        d -> ((ArrayNode) d.at("/components/schemas/Problem/required")).add("status")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void eachRuleFindsItsDefect(String rule, Consumer<ObjectNode> defect) {
        ObjectNode document = clean();
        defect.accept(document);

        assertThat(OpenApiLint.violations(document)).anyMatch(violation -> violation.startsWith(rule + ": "));
    }

    private static Arguments defect(String rule, Consumer<ObjectNode> defect) {
        return Arguments.of(rule, defect);
    }

    private static ObjectNode clean() {
        return (ObjectNode) json.readTree(CLEAN);
    }

    private static ObjectNode info(JsonNode document) {
        return (ObjectNode) document.get("info");
    }

    private static ObjectNode server(JsonNode document) {
        return (ObjectNode) document.get("servers").get(0);
    }

    private static ObjectNode paths(JsonNode document) {
        return (ObjectNode) document.get("paths");
    }

    private static ObjectNode getThing(JsonNode document) {
        return (ObjectNode) document.at("/paths/~1things~1{id}/get");
    }

    private static ObjectNode responses(JsonNode document) {
        return (ObjectNode) getThing(document).get("responses");
    }

    private static void rename(ObjectNode document, String from, String to) {
        paths(document).set(to, paths(document).remove(from));
    }
}
