package io.cairn.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The rules of Redocly's {@code recommended} lint set (OpenAPI 3.1) that an OpenAPI document of Cairn can break, in
 * Java, so that {@code ./mvnw verify} keeps the document clean with nothing but a JDK. Each violation is named
 * {@code rule: where: what}, with Redocly's rule names; a few rules of Cairn's own follow them ({@code cairn-...}).
 * {@code .ci/openapi-lint} runs the real Redocly CLI where Node.js is installed.
 */
final class OpenApiLint {

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern SERVER_EXAMPLE = Pattern.compile("^(.*[/.])?(example\\.com|localhost)([/:?].*|$)");
    private static final Pattern URL_SAFE = Pattern.compile("^[A-Za-z0-9-._~:/?#\\[\\]@!$&'()*+,;=]*$");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** springdoc's way to make two operations' ids unique: a clash, not a chosen name. */
    private static final Pattern DEDUPLICATED = Pattern.compile("_\\d+$");

    private static final String PROBLEM_JSON = "application/problem+json";

    private final JsonNode document;
    private final List<String> violations = new ArrayList<>();

    private OpenApiLint(JsonNode document) {
        this.document = document;
    }

    /** Every violation in the document, empty when it is clean. */
    static List<String> violations(JsonNode document) {
        OpenApiLint lint = new OpenApiLint(document);
        lint.root();
        lint.servers();
        lint.paths();
        lint.operations();
        lint.tags();
        lint.references();
        lint.schemas();
        return List.copyOf(lint.violations);
    }

    private void report(String rule, String where, String what) {
        violations.add(rule + ": " + where + ": " + what);
    }

    private void root() {
        if (!document.path("openapi").asString("").startsWith("3.1")) {
            report("struct", "#/openapi", "is not 3.1.x");
        }
        JsonNode info = document.path("info");
        for (String field : List.of("title", "version", "description")) {
            if (info.path(field).asString("").isBlank()) {
                report(
                        field.equals("description") ? "cairn-info-description" : "struct",
                        "#/info/" + field,
                        "is missing");
            }
        }
        JsonNode license = info.path("license");
        if (license.isMissingNode()) {
            report("info-license", "#/info", "has no license");
        } else if (license.path("url").asString("").isBlank()
                && license.path("identifier").asString("").isBlank()) {
            report("info-license-strict", "#/info/license", "has neither url nor identifier");
        }
    }

    private void servers() {
        JsonNode servers = document.path("servers");
        if (!servers.isArray() || servers.isEmpty()) {
            report("no-empty-servers", "#/servers", "must be a non-empty array");
            return;
        }
        for (JsonNode server : servers) {
            String url = server.path("url").asString("");
            if (SERVER_EXAMPLE.matcher(url).matches()) {
                report("no-server-example.com", "#/servers", url + " points to example.com or localhost");
            }
            if (url.endsWith("/") && !url.equals("/")) {
                report("no-server-trailing-slash", "#/servers", url + " ends with a slash");
            }
        }
    }

    private void paths() {
        Map<String, String> byShape = new HashMap<>();
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : document.path("paths").properties()) {
            String path = entry.getKey();
            if (!path.equals("/") && path.endsWith("/")) {
                report("no-path-trailing-slash", path, "ends with a slash");
            }
            if (path.contains("{}")) {
                report("path-declaration-must-exist", path, "has an empty parameter {}");
            }
            if (path.contains("?")) {
                report("path-not-include-query", path, "has a query string");
            }
            String shape = path.replaceAll("\\{.+?}", "{VARIABLE}");
            String twin = byShape.putIfAbsent(shape, path);
            if (twin != null) {
                report("no-identical-paths", path, "differs from " + twin + " only by parameter names");
            }
            for (String other : seen) {
                if (ambiguous(other, path)) {
                    report("no-ambiguous-paths", path, "may resolve to the same requests as " + other);
                }
            }
            seen.add(path);
        }
    }

    /** Redocly's test: as many segments and parameters, and every pair of literal segments equal. */
    private static boolean ambiguous(String one, String other) {
        String[] a = one.split("/", -1);
        String[] b = other.split("/", -1);
        if (a.length != b.length || parameters(one) != parameters(other)) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!isParameter(a[i]) && !isParameter(b[i]) && !a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static long parameters(String path) {
        return java.util.Arrays.stream(path.split("/"))
                .filter(OpenApiLint::isParameter)
                .count();
    }

    private static boolean isParameter(String segment) {
        return segment.matches("^\\{.+?}$");
    }

    private void operations() {
        Set<String> ids = new HashSet<>();
        boolean rootSecurity = document.path("security").isArray()
                && !document.path("security").isEmpty();
        for (Operation each : operations(document)) {
            String where = each.where();
            JsonNode operation = each.node();
            if (operation.path("summary").asString("").isBlank()) {
                report("operation-summary", where, "has no summary");
            }
            String id = operation.path("operationId").asString("");
            if (id.isEmpty()) {
                report("operation-operationId", where, "has no operationId");
            } else {
                if (!ids.add(id)) {
                    report("operation-operationId-unique", where, "operationId " + id + " is not unique");
                }
                if (!URL_SAFE.matcher(id).matches()) {
                    report("operation-operationId-url-safe", where, "operationId " + id + " is not URL-safe");
                }
                if (DEDUPLICATED.matcher(id).find()) {
                    report(
                            "cairn-operationId-chosen",
                            where,
                            "operationId " + id + " was made unique by springdoc; "
                                    + "name it with @Operation(operationId = ...)");
                }
            }
            pathParameters(
                    each.path(), where, document.path("paths").path(each.path()).path("parameters"), operation);
            responses(where, operation);
            if (!operation.has("security") && !rootSecurity) {
                report("security-defined", where, "has no security, and neither has the document");
            }
            if (!operation.path("tags").isArray() || operation.path("tags").isEmpty()) {
                report("cairn-operation-tagged", where, "has no tag");
            }
        }
        securitySchemesDefined();
    }

    private void pathParameters(String path, String where, JsonNode pathItemParameters, JsonNode operation) {
        Set<String> inTemplate = new LinkedHashSet<>();
        Matcher matcher = TEMPLATE_PARAMETER.matcher(path);
        while (matcher.find()) {
            inTemplate.add(matcher.group(1));
        }
        Set<String> unique = new HashSet<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            if (!unique.add(resolved.path("in").asString("") + " "
                    + resolved.path("name").asString(""))) {
                report(
                        "operation-parameters-unique",
                        where,
                        "repeats the " + resolved.path("in").asString("") + " parameter "
                                + resolved.path("name").asString(""));
            }
        }
        Set<String> defined = new HashSet<>();
        List<JsonNode> all = new ArrayList<>();
        pathItemParameters.forEach(all::add);
        operation.path("parameters").forEach(all::add);
        for (JsonNode parameter : all) {
            JsonNode resolved = resolve(parameter);
            String name = resolved.path("name").asString("");
            if (resolved.path("in").asString("").equals("path")) {
                defined.add(name);
                if (!inTemplate.contains(name)) {
                    report("path-parameters-defined", where, "path parameter " + name + " is not in the path");
                }
            }
        }
        for (String name : inTemplate) {
            if (!defined.contains(name)) {
                report("path-parameters-defined", where, "{" + name + "} is not defined as a path parameter");
            }
        }
    }

    private void responses(String where, JsonNode operation) {
        JsonNode responses = operation.path("responses");
        boolean success = false;
        boolean clientError = false;
        for (Map.Entry<String, JsonNode> entry : responses.properties()) {
            String status = entry.getKey();
            success |= status.equals("default") || status.matches("^2[0-9Xx]{2}$");
            if (status.matches("^4[0-9Xx]{2}$")) {
                clientError = true;
                problemDetails(where + " " + status, resolve(entry.getValue()));
            }
        }
        if (!success) {
            report("operation-2xx-response", where, "has no 2xx response");
        }
        if (!clientError) {
            report("operation-4xx-response", where, "has no 4xx response");
        }
    }

    /** Redocly's operation-4xx-problem-details-rfc7807: problem+json content whose schema has type and title. */
    private void problemDetails(String where, JsonNode response) {
        JsonNode media = response.path("content").path(PROBLEM_JSON);
        if (media.isMissingNode()) {
            report("operation-4xx-problem-details-rfc7807", where, "has no " + PROBLEM_JSON + " content");
            return;
        }
        JsonNode properties = resolve(media.path("schema")).path("properties");
        for (String field : List.of("type", "title")) {
            if (!properties.has(field)) {
                report("operation-4xx-problem-details-rfc7807", where, "the problem schema has no " + field);
            }
        }
    }

    private void securitySchemesDefined() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        List<JsonNode> requirements = new ArrayList<>();
        document.path("security").forEach(requirements::add);
        operations(document)
                .forEach(operation -> operation.node().path("security").forEach(requirements::add));
        for (JsonNode requirement : requirements) {
            for (String scheme : requirement.propertyNames()) {
                if (!schemes.has(scheme)) {
                    report("security-defined", "security", "there is no " + scheme + " security scheme");
                }
            }
        }
        for (String scheme : schemes.propertyNames()) {
            if (requirements.stream().noneMatch(requirement -> requirement.has(scheme))) {
                report("no-unused-components", "#/components/securitySchemes/" + scheme, "is never used");
            }
        }
    }

    private void tags() {
        Set<String> declared = new HashSet<>();
        for (JsonNode tag : document.path("tags")) {
            String name = tag.path("name").asString("");
            if (!declared.add(name)) {
                report("no-duplicated-tag-names", "#/tags", name + " is declared twice");
            }
            if (tag.path("description").asString("").isBlank()) {
                report("tag-description", "#/tags", name + " has no description");
            }
        }
        for (Operation operation : operations(document)) {
            for (JsonNode tag : operation.node().path("tags")) {
                if (!declared.contains(tag.asString())) {
                    report(
                            "operation-tag-defined",
                            operation.where(),
                            "tag " + tag.asString() + " is not declared with a description in #/tags");
                }
            }
        }
    }

    /** no-unresolved-refs and no-unused-components. */
    private void references() {
        Set<String> used = new HashSet<>();
        forEachNode(document, node -> {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString()) {
                used.add(ref.asString());
                if (at(document, ref.asString()).isMissingNode()) {
                    report("no-unresolved-refs", ref.asString(), "does not resolve");
                }
            }
        });
        for (String kind : List.of("schemas", "responses", "parameters", "examples", "requestBodies", "headers")) {
            for (String name : document.path("components").path(kind).propertyNames()) {
                if (!used.contains("#/components/" + kind + "/" + name)) {
                    report("no-unused-components", "#/components/" + kind + "/" + name, "is never used");
                }
            }
        }
    }

    /** no-enum-type-mismatch and no-required-schema-properties-undefined, over every schema object. */
    private void schemas() {
        forEachNode(document, node -> {
            JsonNode type = node.get("type");
            JsonNode values = node.get("enum");
            if (type != null && type.isString() && values != null && values.isArray()) {
                for (JsonNode value : values) {
                    if (!matches(type.asString(), value)) {
                        report(
                                "no-enum-type-mismatch",
                                "schema of type " + type.asString(),
                                "enum value " + value + " is not of that type");
                    }
                }
            }
            JsonNode required = node.get("required");
            JsonNode properties = node.get("properties");
            if (required != null
                    && required.isArray()
                    && properties != null
                    && properties.isObject()
                    && !node.has("allOf")
                    && !node.has("anyOf")
                    && !node.has("oneOf")) {
                for (JsonNode name : required) {
                    if (!properties.has(name.asString())) {
                        report(
                                "no-required-schema-properties-undefined",
                                "schema with " + properties.propertyNames(),
                                "required property " + name.asString() + " is not defined");
                    }
                }
            }
        });
    }

    private static boolean matches(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    /** An operation of a document: its method, its path and the operation object. */
    record Operation(String method, String path, JsonNode node) {

        /** The operation as people name it, such as {@code GET /api/v1/me}. */
        String where() {
            return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
        }
    }

    /** Every operation of the document, in its order. */
    static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(new Operation(operation.getKey(), path.getKey(), operation.getValue()));
                }
            }
        }
        return operations;
    }

    private static void forEachNode(JsonNode node, Consumer<JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(node);
            node.properties().forEach(entry -> forEachNode(entry.getValue(), visitor));
        } else if (node.isArray()) {
            node.forEach(child -> forEachNode(child, visitor));
        }
    }

    private JsonNode resolve(JsonNode node) {
        return resolve(document, node);
    }

    /** The object a node refers to with {@code $ref} within the document, or the node itself. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode resolved = node;
        for (int depth = 0; resolved.has("$ref") && depth < 10; depth++) {
            resolved = at(document, resolved.get("$ref").asString());
        }
        return resolved;
    }

    private static JsonNode at(JsonNode document, String ref) {
        return ref.startsWith("#")
                ? document.at(ref.substring(1))
                : tools.jackson.databind.node.MissingNode.getInstance();
    }
}
