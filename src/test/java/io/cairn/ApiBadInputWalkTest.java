package io.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.cairn.compliance.ComplianceFixture;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks every operation of the server's own OpenAPI description with a corpus of bad input, as a user with every
 * role, and the anonymous ones as nobody: malformed and truncated bodies, wrong types, nulls, missing, doubled and
 * unknown fields, huge text and numbers, control characters, out-of-range times, hostile ids in the path and the
 * query, 100 kB addresses, wrong content types, uploads without a boundary. It fails on any 5xx, any error that is
 * not {@code application/problem+json} with a {@code detail}, any session a call opens, any lenient reading of a
 * wrong type (which must be a 400 naming the field), and any stored change from a refused request. An operation added
 * to the API is walked without changing this test.
 *
 * <p>A stored change is any write a refused request left behind: the next transaction id PostgreSQL will assign is
 * compared before and after each request (a request that wrote nothing assigns none), and when it moved, the row
 * counts and row versions ({@code xmin}) of every table, so that a write that was rolled back does not count.
 */
@QuietServer
class ApiBadInputWalkTest extends ApiClient.OnServer {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private static final String HUGE = "a".repeat(100_000);

    /**
     * Tables that change on requests that are refused, by design: the throttling of sign-ins and follow-up codes
     * (a wrong code is counted), the time a token was last used (at most once a minute, on any request), and the
     * metrics' roll-ups, which a background builder rebuilds every second from earlier changes (what they are built
     * from is compared itself).
     */
    private static final Set<String> CHANGED_BY_DESIGN = Set.of(
            "login_throttle",
            "api_token",
            "flyway_schema_history",
            "reporting_day",
            "reporting_dirty",
            "reporting_rollup_state");

    /** Path values that are no id of anything. */
    private static final List<String> HOSTILE_PATH_VALUES = List.of(
            "%3C",
            "%zz",
            "-1",
            "99999999999999999999",
            "%27%20or%201%3D1%20--",
            "%E2%80%AE",
            "%C0%AE%C0%AE",
            "a".repeat(2_000));

    /**
     * Path values Tomcat refuses before Cairn sees the request, whatever the address: walked once for each first
     * segment of the API's addresses ({@code /api/v1/incidents/...}), not for every operation.
     */
    private static final List<String> REFUSED_BY_TOMCAT = List.of("<x>", "%00", "a%2Fb", "a%5Cb", "..%2f..", HUGE);

    /** Query values that are no value of anything. */
    private static final List<String> HOSTILE_QUERY_VALUES = List.of(
            "%3C",
            "<x>",
            "%00",
            "%2F..%2F",
            "%zz",
            "",
            "-1",
            "99999999999999999999",
            "-999999-01-01T00:00:00Z",
            "garbage",
            "%27%20or%201%3D1");

    private final Set<String> walkedByTomcat = new java.util.HashSet<>();
    private static int sent;

    @Autowired
    JdbcClient jdbc;

    private final List<String> failures = new ArrayList<>();
    private RawHttp http;
    private TestUser walker;
    private Map<String, String> fixtures;
    private StoredState stored;

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersBadInputWithAProblemAndStoresNothing() {
        http = new RawHttp(port);
        stored = new StoredState(jdbc);
        walker = users.user("walker", Set.of(Role.values()));
        fixtures = fixtures(client(walker));
        // springdoc builds the description at the first request: that takes a while on a busy machine
        JsonNode api = http.send("GET", "/v3/api-docs", Map.of("Authorization", "Bearer " + walker.token()), null)
                .json();
        List<Operation> operations = Operation.all(api);
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(50);
        return operations.stream().map(operation -> dynamicTest(operation.toString(), () -> walk(operation)));
    }

    private void walk(Operation operation) {
        failures.clear();
        boolean anonymous = operation.path().startsWith("/api/v1/public/");
        for (Probe probe : probes(operation)) {
            send(anonymous ? probe.anonymously() : probe);
        }
        if (!anonymous) {
            send(new Probe(
                            "without a token",
                            operation.method(),
                            target(operation, Map.of()),
                            operation.jsonBody() ? json(operation.example(fixtures)) : null,
                            operation.jsonBody() ? "application/json" : null,
                            null)
                    .anonymously());
        }
        assertThat(failures).as(failures.size() + " failures").isEmpty();
    }

    @org.junit.jupiter.api.AfterAll
    static void sayHowMany() {
        System.out.println("The walk sent " + sent + " requests.");
    }

    private void send(Probe probe) {
        sent++;
        stored.before();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (!probe.anonymous()) {
            headers.put("Authorization", "Bearer " + walker.token());
        }
        if (probe.contentType() != null) {
            headers.put("Content-Type", probe.contentType());
        }
        RawHttp.Answer answer;
        try {
            answer = http.send(probe.method(), probe.target(), headers, probe.body());
        } catch (RuntimeException e) {
            failures.add(probe + ": no answer: " + e);
            return;
        }
        if (answer.status() >= 500) {
            failures.add(probe + ": " + answer);
            return;
        }
        if (!answer.header("set-cookie").isEmpty()) {
            failures.add(probe + ": opened a session: " + answer.header("set-cookie"));
        }
        if (answer.status() >= 400) {
            checkProblem(probe, answer);
            stored.changedSince()
                    .ifPresent(tables -> failures.add(
                            probe + ": refused with " + answer.status() + " but stored a change in " + tables));
        } else {
            stored.forget();
        }
        if (probe.mustName() != null && !(answer.status() == 400 && names(answer, probe.mustName()))) {
            failures.add(probe + ": must be refused with 400 naming " + probe.mustName() + ": " + answer);
        }
    }

    private void checkProblem(Probe probe, RawHttp.Answer answer) {
        if (!answer.header("content-type").startsWith("application/problem+json")) {
            failures.add(probe + ": an error that is no problem detail: " + answer);
            return;
        }
        try {
            JsonNode problem = answer.json();
            if (!problem.path("detail").isString()
                    || problem.path("detail").asString().isBlank()) {
                failures.add(probe + ": a problem without a detail: " + answer);
            }
            if (answer.status() == 429 && answer.header("retry-after").isEmpty()) {
                failures.add(probe + ": 429 without Retry-After");
            }
        } catch (RuntimeException e) {
            failures.add(probe + ": a problem that is no JSON: " + answer);
        }
    }

    /** Whether the problem names the field, in its errors or its detail. */
    private static boolean names(RawHttp.Answer answer, String field) {
        JsonNode problem = answer.json();
        String top = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        for (JsonNode error : problem.path("errors")) {
            String named = error.path("field").asString("");
            if (named.equals(field) || named.equals(top)) {
                return true;
            }
        }
        return problem.path("detail").asString("").startsWith(top);
    }

    // --- the corpus --------------------------------------------------------------------------------------------------

    private List<Probe> probes(Operation operation) {
        List<Probe> probes = new ArrayList<>();
        String target = target(operation, Map.of());
        String resource =
                operation.path().split("/").length > 3 ? operation.path().split("/")[3] : "";
        for (Parameter parameter : operation.pathParameters()) {
            List<String> values = new ArrayList<>(HOSTILE_PATH_VALUES);
            if (walkedByTomcat.add(resource)) {
                values.addAll(REFUSED_BY_TOMCAT);
            }
            for (String value : values) {
                probes.add(new Probe(
                        "path " + parameter.name() + "=" + abbreviated(value),
                        operation.method(),
                        target(operation, Map.of(parameter.name(), value)),
                        operation.jsonBody() ? json(operation.example(fixtures)) : null,
                        operation.jsonBody() ? "application/json" : null,
                        null));
            }
        }
        for (Parameter parameter : operation.queryParameters()) {
            for (String value : HOSTILE_QUERY_VALUES) {
                probes.add(new Probe(
                        "query " + parameter.name() + "=" + value,
                        operation.method(),
                        withQuery(target, parameter.name(), value),
                        null,
                        null,
                        null));
            }
        }
        if (operation.pathParameters().isEmpty() && walkedByTomcat.add(operation.path())) {
            probes.add(new Probe("a 100 kB query", operation.method(), withQuery(target, "q", HUGE), null, null, null));
        }
        if (operation.jsonBody()) {
            probes.addAll(bodyProbes(operation, target));
        } else if (operation.contentTypes().contains("multipart/form-data")) {
            probes.addAll(uploadProbes(operation, target));
        } else if (!operation.contentTypes().isEmpty()) {
            String type = operation.contentTypes().get(0);
            probes.add(new Probe("nothing", operation.method(), target, new byte[0], type, null));
            probes.add(new Probe("binary", operation.method(), target, new byte[] {0, -1, 10, 0, 13}, type, null));
            probes.add(new Probe("as JSON", operation.method(), target, bytes("{}"), "application/json", null));
        }
        return probes;
    }

    private List<Probe> bodyProbes(Operation operation, String target) {
        List<Probe> probes = new ArrayList<>();
        ObjectNode example = operation.example(fixtures);
        String text = example.toString();
        Function<String, Probe> raw = body -> new Probe(
                "body " + abbreviated(body), operation.method(), target, bytes(body), "application/json", null);
        for (String body : List.of(
                "",
                "{",
                "{\"a\":",
                "[",
                "null",
                "\"text\"",
                "123",
                "[]",
                "{}",
                text.substring(0, text.length() / 2),
                text + "}",
                "{\"unknownField\": 1}",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\": \"\\ud800\"}",
                text.replace("{", "{\u0000"))) {
            probes.add(raw.apply(body));
        }
        for (String type :
                List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data")) {
            probes.add(new Probe("as " + type, operation.method(), target, bytes(text), type, null));
        }
        probes.add(new Probe("without a content type", operation.method(), target, bytes(text), null, null));
        forEachProperty(operation.bodySchema(), "", (path, schema) -> {
            for (Mutation mutation : mutations(schema)) {
                ObjectNode mutated = example.deepCopy();
                if (set(mutated, path, mutation.value())) {
                    probes.add(new Probe(
                            path + " " + mutation.name(),
                            operation.method(),
                            target,
                            bytes(mutated.toString()),
                            "application/json",
                            mutation.strict() ? path : null));
                }
            }
            if (!path.contains(".")) {
                ObjectNode without = example.deepCopy();
                without.remove(path);
                probes.add(new Probe(
                        path + " missing",
                        operation.method(),
                        target,
                        bytes(without.toString()),
                        "application/json",
                        null));
                JsonNode value = example.get(path);
                if (value != null) {
                    probes.add(new Probe(
                            path + " twice",
                            operation.method(),
                            target,
                            bytes("{\"" + path + "\": " + value + ", " + text.substring(1)),
                            "application/json",
                            path));
                }
            }
        });
        return probes;
    }

    /** What to put in place of a value of the schema, and whether the server must refuse it naming the field. */
    private record Mutation(String name, @Nullable JsonNode value, boolean strict) {}

    private static List<Mutation> mutations(Schema schema) {
        List<Mutation> mutations = new ArrayList<>();
        mutations.add(new Mutation("null", nodes.nullNode(), false));
        switch (schema.type()) {
            case "string" -> {
                mutations.add(new Mutation("as a number", nodes.numberNode(12345), true));
                mutations.add(new Mutation("as a boolean", nodes.booleanNode(true), true));
                mutations.add(new Mutation("as an object", nodes.objectNode(), true));
                if (schema.format().equals("date-time")) {
                    mutations.add(new Mutation("in year -999999", nodes.stringNode("-999999-01-01T00:00:00Z"), true));
                    mutations.add(new Mutation("in year 275760", nodes.stringNode("+275760-09-13T00:00:00Z"), true));
                    mutations.add(new Mutation("in 1969", nodes.stringNode("1969-12-31T23:59:59Z"), true));
                    mutations.add(new Mutation("not a time", nodes.stringNode("2026-13-45T99:00:00Z"), true));
                } else if (schema.format().equals("date")) {
                    mutations.add(new Mutation("in year 0", nodes.stringNode("0000-01-01"), true));
                    mutations.add(new Mutation(
                            "as an array", nodes.arrayNode().add(2030).add(1).add(1), true));
                    mutations.add(new Mutation("not a day", nodes.stringNode("2030-02-30"), true));
                } else {
                    mutations.add(new Mutation("100 kB long", nodes.stringNode(HUGE), false));
                    mutations.add(new Mutation(
                            "with control characters",
                            nodes.stringNode("a\u0000b\u0007\u001b[31m\u202e<script>' or 1=1 --"),
                            false));
                    mutations.add(new Mutation("empty", nodes.stringNode(""), false));
                }
            }
            case "integer", "number" -> {
                boolean whole = schema.type().equals("integer");
                mutations.add(new Mutation("as text", nodes.stringNode("1"), true));
                mutations.add(new Mutation("as a fraction", nodes.numberNode(1.5), whole));
                mutations.add(new Mutation("as a boolean", nodes.booleanNode(true), true));
                mutations.add(new Mutation(
                        "beyond 64 bits",
                        nodes.numberNode(new java.math.BigInteger("99999999999999999999999")),
                        whole));
                mutations.add(new Mutation("negative", nodes.numberNode(-1), false));
                mutations.add(new Mutation("the largest long", nodes.numberNode(Long.MAX_VALUE), false));
            }
            case "boolean" -> {
                mutations.add(new Mutation("as a number", nodes.numberNode(1), true));
                mutations.add(new Mutation("as text", nodes.stringNode("true"), true));
            }
            case "array" -> {
                mutations.add(new Mutation("as text", nodes.stringNode("x"), true));
                mutations.add(new Mutation("holding null", nodes.arrayNode().addNull(), false));
                mutations.add(new Mutation("of 10,000 items", tenThousand(), false));
            }
            case "object" -> {
                mutations.add(new Mutation("as text", nodes.stringNode("x"), true));
                mutations.add(new Mutation("empty", nodes.objectNode(), false));
                mutations.add(new Mutation("as an array", nodes.arrayNode(), true));
            }
            default -> {}
        }
        return mutations;
    }

    private static ArrayNode tenThousand() {
        ArrayNode items = nodes.arrayNode();
        for (int i = 0; i < 10_000; i++) {
            items.add("x");
        }
        return items;
    }

    private List<Probe> uploadProbes(Operation operation, String target) {
        List<Probe> probes = new ArrayList<>();
        String boundary = "walk" + UUID.randomUUID().toString().replace("-", "");
        String code = operation.path().startsWith("/api/v1/public/")
                ? part(boundary, "code", null, "no-such-code-" + UUID.randomUUID())
                : "";
        String file = part(boundary, "file", "note.txt", "hello");
        String type = "multipart/form-data; boundary=" + boundary;
        String end = "--" + boundary + "--\r\n";
        probes.add(new Probe(
                "upload without a boundary",
                operation.method(),
                target,
                bytes(code + file + end),
                "multipart/form-data",
                null));
        probes.add(new Probe(
                "upload truncated",
                operation.method(),
                target,
                bytes((code + file).substring(0, (code + file).length() - 9)),
                type,
                null));
        probes.add(new Probe(
                "upload with a NUL in the file name",
                operation.method(),
                target,
                bytes(code + part(boundary, "file", "a\u0000.txt", "hello") + end),
                type,
                null));
        probes.add(new Probe(
                "upload with a 100 kB file name",
                operation.method(),
                target,
                bytes(code + part(boundary, "file", HUGE + ".txt", "hello") + end),
                type,
                "file"));
        probes.add(new Probe("upload without the file", operation.method(), target, bytes(code + end), type, "file"));
        probes.add(new Probe("upload of nothing", operation.method(), target, new byte[0], type, null));
        probes.add(new Probe(
                "upload with a wrong boundary",
                operation.method(),
                target,
                bytes(code + file + end),
                "multipart/form-data; boundary=other",
                null));
        probes.add(new Probe("upload as JSON", operation.method(), target, bytes("{}"), "application/json", null));
        probes.add(new Probe(
                "upload of a program",
                operation.method(),
                target,
                bytes(code + part(boundary, "file", "run.sh", "#!/bin/sh\nrm -rf /\n") + end),
                type,
                null));
        return probes;
    }

    private static String part(String boundary, String name, @Nullable String filename, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/plain")
                + "\r\n\r\n" + content + "\r\n";
    }

    // --- addresses and fixtures --------------------------------------------------------------------------------------

    /** The operation's address: each path parameter from the overrides as given, else the fixture for it. */
    private String target(Operation operation, Map<String, String> overrides) {
        Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(operation.path());
        StringBuilder target = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String before = operation.path().substring(0, variable.start());
            String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            String value = overrides.containsKey(name)
                    ? overrides.get(name)
                    : encoded(fixtures.getOrDefault(segment, UUID.randomUUID().toString()));
            variable.appendReplacement(target, Matcher.quoteReplacement(value));
        }
        variable.appendTail(target);
        String query = operation.queryParameters().stream()
                .filter(Parameter::required)
                .map(p -> p.name() + "="
                        + encoded(p.schema().example(p.name(), fixtures).asString("1")))
                .reduce((a, b) -> a + "&" + b)
                .orElse("");
        return query.isEmpty() ? target.toString() : target + "?" + query;
    }

    private static String withQuery(String target, String name, String value) {
        return target + (target.contains("?") ? "&" : "?") + name + "=" + value;
    }

    /**
     * One object of each kind the API addresses by id, made through the API, keyed by the path segment before the
     * id ({@code incidents} for {@code /incidents/{id}}): a walk with ids of things that exist gets past "not found"
     * to the checks of the body. A kind whose making fails is walked with a random id.
     */
    private Map<String, String> fixtures(ApiClient admin) {
        Map<String, String> made = new LinkedHashMap<>();
        TestUser other = users.user("walked", Set.of(Role.HANDLER, Role.REPORTER));
        made.put("users", other.id().toString());
        made.put("teams", users.team("walk").toString());
        made.put("business-units", users.businessUnit("walk").toString());
        made.put("policies", "P1");
        made.put("regimes", "gdpr");
        made.put(
                "legal-entities",
                id(admin.post(
                        "/api/v1/compliance/legal-entities",
                        ComplianceFixture.dutchController("Walk " + UUID.randomUUID(), "important", null))));
        made.put("revisions", "1");
        made.put("facts", "gdpr.awareness");
        made.put("decisions", "gdpr-risk");
        String incident = id(admin.post("/api/v1/incidents", Map.of("title", "Walked", "description", "walked")));
        made.put("incidents", incident);
        made.put("reports", incident);
        made.put("target", id(admin.post("/api/v1/incidents", Map.of("title", "Target", "description", "target"))));
        String evidence = id(admin.post(
                "/api/v1/incidents/" + incident + "/evidence",
                Map.of(
                        "kind", "log-export",
                        "description", "Walked logs",
                        "source", "mx1",
                        "collectedAt", "2026-01-01T00:00:00Z",
                        "collectedWhere", "walk",
                        "collectedHow", "export",
                        "sha256", "a".repeat(64),
                        "storageLocation", "walk")));
        made.put("evidence", evidence);
        made.put(
                "transfers",
                admin.post(
                                "/api/v1/incidents/" + incident + "/evidence/" + evidence + "/transfers",
                                Map.of(
                                        "to",
                                        other.id().toString(),
                                        "purpose",
                                        "walk",
                                        "storageLocation",
                                        "walk",
                                        "version",
                                        1))
                        .json()
                        .path("pendingTransfer")
                        .path("id")
                        .asString(""));
        made.put(
                "devices",
                id(admin.post(
                        "/api/v1/devices",
                        Map.of("name", "Walked", "kind", "laptop", "identifier", "WALK-" + UUID.randomUUID()))));
        made.put(
                "tokens",
                admin.post("/api/v1/me/tokens", Map.of("name", "spare"))
                        .json()
                        .path("token")
                        .path("id")
                        .asString(""));
        made.put("views", id(admin.post("/api/v1/me/views", Map.of("name", "walk", "query", "status=new"))));
        made.put(
                "calendars",
                id(admin.post(
                        "/api/v1/sla/calendars",
                        Map.of(
                                "name",
                                "Walk " + UUID.randomUUID(),
                                "zone",
                                "Europe/Amsterdam",
                                "week",
                                Map.of("monday", List.of("09:00-17:00")),
                                "holidays",
                                List.of()))));
        made.put(
                "escalation-levels",
                id(admin.post(
                        "/api/v1/sla/escalation-levels",
                        Map.of(
                                "name",
                                "Walk " + UUID.randomUUID(),
                                "notifyKind",
                                "user",
                                "notifyTarget",
                                walker.username(),
                                "waitFor",
                                "30m"))));
        made.put(
                "routing-rules",
                id(admin.post(
                        "/api/v1/routing-rules",
                        Map.of(
                                "name",
                                "Walk",
                                "rsitClass",
                                "fraud",
                                "team",
                                made.get("teams"),
                                "ownerStrategy",
                                "NONE",
                                "enabled",
                                false))));
        String rootCause = "walk-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/root-causes", Map.of("key", rootCause, "label", "Walk " + rootCause));
        made.put("root-causes", rootCause);
        made.put(
                "tasks",
                id(admin.post(
                        "/api/v1/incidents/" + incident + "/tasks",
                        Map.of("title", "Walk", "team", made.get("teams")))));
        made.put(
                "corrective-actions",
                id(admin.post(
                        "/api/v1/incidents/" + incident + "/review/actions",
                        Map.of(
                                "title",
                                "Walk",
                                "owner",
                                walker.id().toString(),
                                "dueOn",
                                LocalDate.now().plusDays(30).toString()))));
        made.put(
                "risks",
                id(admin.post(
                        "/api/v1/risks",
                        Map.of(
                                "title",
                                "Walk",
                                "owner",
                                walker.id().toString(),
                                "likelihood",
                                "likely",
                                "impact",
                                "major",
                                "mitigationTargetAt",
                                LocalDate.now().plusDays(30).toString()))));
        made.put(
                "observables",
                id(admin.post(
                        "/api/v1/incidents/" + incident + "/observables",
                        Map.of("type", "domain-name", "value", "walk-" + UUID.randomUUID() + ".example"))));
        made.put(
                "services",
                id(admin.post(
                        "/api/v1/services",
                        Map.of(
                                "name",
                                "Walk " + UUID.randomUUID(),
                                "ownerTeam",
                                made.get("teams"),
                                "criticality",
                                "medium"))));
        made.put(
                "peers",
                id(admin.post(
                        "/api/v1/federation/peers",
                        Map.of(
                                "name",
                                "Walked",
                                "baseUrl",
                                "https://walked-" + UUID.randomUUID() + ".example",
                                "role",
                                "provider",
                                "keys",
                                Map.of(
                                        "keys",
                                        List.of(Map.of(
                                                "kty",
                                                "EC",
                                                "crv",
                                                "P-256",
                                                "kid",
                                                "walked",
                                                "x",
                                                "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                                                "y",
                                                "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")))))));
        if (!made.get("peers").isEmpty()) {
            made.put("subscriptions", UUID.randomUUID().toString());
            made.put("upstream-subscriptions", UUID.randomUUID().toString());
            jdbc.sql("""
                            insert into federation_subscription (id, peer_id, services, categories, state, created_at,
                                                                 updated_at, version)
                            values (?::uuid, ?::uuid, '{}', '{}', 'active', now(), now(), 0)""").params(made.get("subscriptions"), made.get("peers")).update();
            jdbc.sql("""
                            insert into federation_upstream_subscription (id, peer_id, services, categories, state,
                                                                          created_at, updated_at, version)
                            values (?::uuid, ?::uuid, '{}', '{}', 'active', now(), now(), 0)""")
                    .params(made.get("upstream-subscriptions"), made.get("peers"))
                    .update();
        }
        obligationFixtures(admin, made);
        made.put("report-templates", first(admin.get("/api/v1/report-templates").json(), "key"));
        made.put("playbooks", first(admin.get("/api/v1/playbooks").json(), "id"));
        made.put("procedure-schedules", scheduleFixture(admin, other.username()));
        made.put("procedure-steps", stepFixture(admin));
        made.put("articles", first(admin.get("/api/v1/knowledge/articles").json(), "slug"));
        made.values().removeIf(String::isEmpty);
        return made;
    }

    /** An open task of a run the walker owns, to which the walk attaches files (and which it completes) with bad input. */
    private static String stepFixture(ApiClient walker) {
        return walker.post(
                        "/api/v1/procedure-runs",
                        Map.of("procedureType", procedureTypeFixture(walker), "values", Map.of()))
                .json()
                .path("phases")
                .path(0)
                .path("steps")
                .path(0)
                .path("work")
                .path("id")
                .asString("");
    }

    /** A procedure type of the walk's own: one phase with one task for the run's owner. */
    private static String procedureTypeFixture(ApiClient admin) {
        return id(admin.post(
                "/api/v1/procedure-types",
                Map.of(
                        "key",
                        "walk-" + UUID.randomUUID().toString().substring(0, 8),
                        "name",
                        "Walk",
                        "phases",
                        List.of(Map.of("key", "check", "name", "Check")),
                        "steps",
                        List.of(Map.of(
                                "phase", "check", "title", "Look", "kind", "task", "mandatory", true, "due", "P1D")),
                        "due",
                        "P2D")));
    }

    /** A schedule of a procedure type of its own, which the walk revises, pauses and resumes with bad input. */
    private static String scheduleFixture(ApiClient admin, String owner) {
        String type = procedureTypeFixture(admin);
        return id(admin.post(
                "/api/v1/procedure-schedules",
                Map.of(
                        "name", "Walk",
                        "procedureType", type,
                        "owner", owner,
                        "recurrence", "FREQ=WEEKLY",
                        "firstDay", "2027-01-01",
                        "time", "09:00",
                        "zone", "Europe/Amsterdam")));
    }

    /**
     * The walked incident, placed in a business unit of the walked legal entity, with a GDPR obligation of a high risk,
     * its stage to the supervisory authority and a submission of that stage, and its open stage of notices to the
     * people affected: the walk of the reports' and the notices' addresses gets past "not found".
     */
    private void obligationFixtures(ApiClient admin, Map<String, String> made) {
        String unit = ComplianceFixture.businessUnit(
                admin, "Walk " + UUID.randomUUID(), made.getOrDefault("legal-entities", ""));
        String incident = made.getOrDefault("incidents", "");
        long version = admin.get("/api/v1/incidents/" + incident)
                .json()
                .path("version")
                .asLong();
        admin.post("/api/v1/incidents/" + incident + "/assign", Map.of("businessUnit", unit, "version", version));
        String compliance = "/api/v1/incidents/" + incident + "/compliance";
        admin.put(
                compliance + "/facts/gdpr.awareness",
                Map.of(
                        "at",
                        java.time.Instant.now().minusSeconds(3_600).toString(),
                        "justification",
                        "walk",
                        "version",
                        0));
        admin.put(
                compliance + "/decisions/personal-data-breach",
                Map.of("result", "yes", "rationale", "walk", "version", 0));
        admin.put(
                compliance + "/decisions/gdpr-risk", Map.of("result", "high-risk", "rationale", "walk", "version", 0));
        String obligation = admin.get(compliance)
                .json()
                .path("obligations")
                .path(0)
                .path("id")
                .asString("");
        String stage = compliance + "/obligations/" + obligation + "/stages/supervisory-authority";
        admin.put(stage + "/submission", Map.of("fields", ComplianceFixture.gdprReportFields("walked"), "version", 0));
        made.put("obligations", obligation);
        made.put("stages", "supervisory-authority");
        made.put(
                "submissions",
                id(admin.post(stage + "/submissions", Map.of("channel", "e-mail", "recipient", "AP", "version", 1))));
    }

    private static String id(ApiClient.Answer created) {
        return created.status() < 300 ? created.json().path("id").asString("") : "";
    }

    private static String first(JsonNode list, String field) {
        JsonNode items = list.isArray() ? list : list.path("items");
        return items.isEmpty() ? "" : items.get(0).path(field).asString("");
    }

    // --- the OpenAPI description -------------------------------------------------------------------------------------

    /** One operation of the description. */
    private record Operation(
            String method,
            String path,
            List<Parameter> parameters,
            List<String> contentTypes,
            @Nullable Schema bodySchema) {

        static List<Operation> all(JsonNode api) {
            List<Operation> operations = new ArrayList<>();
            JsonNode schemas = api.path("components").path("schemas");
            api.path("paths")
                    .properties()
                    .forEach(path -> path.getValue().properties().forEach(entry -> {
                        JsonNode operation = entry.getValue();
                        List<Parameter> parameters = new ArrayList<>();
                        for (JsonNode parameter : operation.path("parameters")) {
                            parameters.add(new Parameter(
                                    parameter.path("name").asString(),
                                    parameter.path("in").asString(),
                                    parameter.path("required").asBoolean(false),
                                    new Schema(parameter.path("schema"), schemas)));
                        }
                        List<String> types = new ArrayList<>();
                        Schema body = null;
                        JsonNode content = operation.path("requestBody").path("content");
                        for (var type : content.properties()) {
                            types.add(type.getKey());
                            if (type.getKey().equals("application/json")) {
                                body = new Schema(type.getValue().path("schema"), schemas);
                            }
                        }
                        operations.add(new Operation(
                                entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), parameters, types, body));
                    }));
            return operations;
        }

        boolean jsonBody() {
            return bodySchema != null && bodySchema.type().equals("object");
        }

        List<Parameter> pathParameters() {
            return parameters.stream().filter(p -> p.in().equals("path")).toList();
        }

        List<Parameter> queryParameters() {
            return parameters.stream().filter(p -> p.in().equals("query")).toList();
        }

        ObjectNode example(Map<String, String> fixtures) {
            return (ObjectNode) java.util.Objects.requireNonNull(bodySchema).example("", fixtures);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private record Parameter(String name, String in, boolean required, Schema schema) {}

    /** A schema of the description, its references resolved. */
    private record Schema(JsonNode node, JsonNode schemas) {

        Schema {
            for (int depth = 0; node.has("$ref") && depth < 20; depth++) {
                String ref = node.path("$ref").asString();
                node = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
            }
            if (node.has("allOf") && node.path("allOf").size() == 1) {
                node = new Schema(node.path("allOf").get(0), schemas).node();
            }
        }

        String type() {
            JsonNode type = node.path("type");
            if (type.isArray()) {
                for (JsonNode each : type) {
                    if (!each.asString().equals("null")) {
                        return each.asString();
                    }
                }
            }
            return type.asString(node.has("properties") ? "object" : "");
        }

        String format() {
            return node.path("format").asString("");
        }

        Map<String, Schema> properties() {
            Map<String, Schema> properties = new LinkedHashMap<>();
            node.path("properties")
                    .properties()
                    .forEach(p -> properties.put(p.getKey(), new Schema(p.getValue(), schemas)));
            return properties;
        }

        /** A value of this schema that is plausible, with fixtures for ids named like what they refer to. */
        JsonNode example(String name, Map<String, String> fixtures) {
            if (node.has("enum")) {
                return node.path("enum").get(0);
            }
            return switch (type()) {
                case "object" -> {
                    ObjectNode object = nodes.objectNode();
                    properties()
                            .forEach((property, schema) -> object.set(property, schema.example(property, fixtures)));
                    yield object;
                }
                case "array" -> {
                    ArrayNode array = nodes.arrayNode();
                    if (node.has("items")) {
                        array.add(new Schema(node.path("items"), schemas).example(name, fixtures));
                    }
                    yield array;
                }
                case "integer", "number" -> nodes.numberNode(name.equals("version") ? 0 : 1);
                case "boolean" -> nodes.booleanNode(false);
                case "string" ->
                    switch (format()) {
                        case "date-time" -> nodes.stringNode("2026-01-01T00:00:00Z");
                        case "date" ->
                            nodes.stringNode(LocalDate.now().plusDays(30).toString());
                        case "uuid" -> nodes.stringNode(fixtureFor(name, fixtures));
                        case "email" -> nodes.stringNode("walk@example.org");
                        default -> nodes.stringNode("walk");
                    };
                default -> nodes.nullNode();
            };
        }

        private static String fixtureFor(String name, Map<String, String> fixtures) {
            String kind = switch (name) {
                case "owner", "holder", "user" -> "users";
                case "team", "teams" -> "teams";
                case "businessUnit" -> "business-units";
                case "target" -> "target";
                case "asset" -> "devices";
                case "incidents", "incident" -> "incidents";
                case "calendar" -> "calendars";
                case "escalationLevel", "next" -> "escalation-levels";
                default -> "";
            };
            return fixtures.getOrDefault(kind, UUID.randomUUID().toString());
        }
    }

    /** Calls the action for each property of the schema and, one level down, of its object properties. */
    private static void forEachProperty(
            @Nullable Schema schema, String prefix, java.util.function.BiConsumer<String, Schema> action) {
        if (schema == null) {
            return;
        }
        schema.properties().forEach((name, property) -> {
            action.accept(prefix + name, property);
            if (prefix.isEmpty() && property.type().equals("object")) {
                forEachProperty(property, name + ".", action);
            }
        });
    }

    /** Sets the value at a dotted path of the body; false when the path is not there. */
    private static boolean set(ObjectNode body, String path, @Nullable JsonNode value) {
        Iterator<String> parts = List.of(path.split("\\.")).iterator();
        ObjectNode at = body;
        while (parts.hasNext()) {
            String part = parts.next();
            if (!parts.hasNext()) {
                at.set(part, value);
                return true;
            }
            if (!(at.get(part) instanceof ObjectNode inner)) {
                return false;
            }
            at = inner;
        }
        return false;
    }

    // --- requests and what is stored ---------------------------------------------------------------------------------

    /**
     * One bad request: what it is, as a name; the request; and the field the server must name when it refuses it with
     * 400, if it must.
     */
    private record Probe(
            String name,
            String method,
            String target,
            byte @Nullable [] body,
            @Nullable String contentType,
            @Nullable String mustName,
            boolean anonymous) {

        Probe(
                String name,
                String method,
                String target,
                byte @Nullable [] body,
                @Nullable String contentType,
                @Nullable String mustName) {
            this(name, method, target, body, contentType, mustName, false);
        }

        Probe anonymously() {
            return new Probe(name, method, target, body, contentType, mustName, true);
        }

        @Override
        public String toString() {
            return (anonymous ? "anonymous " : "") + method + " " + abbreviated(target) + " [" + name + "]";
        }
    }

    /** Whether anything was stored between {@link #before} and {@link #changedSince}, as the class comment says. */
    private static final class StoredState {

        private final JdbcClient jdbc;
        private final String countsAndVersions;
        private long xidBefore = -1;
        private @Nullable Map<String, String> tablesBefore;

        StoredState(JdbcClient jdbc) {
            this.jdbc = jdbc;
            List<String> tables = jdbc
                    .sql("select table_name from information_schema.tables where table_schema = "
                            + "current_schema() and table_type = 'BASE TABLE' order by table_name")
                    .query(String.class)
                    .list()
                    .stream()
                    .filter(table -> !CHANGED_BY_DESIGN.contains(table))
                    .toList();
            this.countsAndVersions = String.join(
                    " union all ",
                    tables.stream()
                            .map(table -> "select '" + table
                                    + "' as name, count(*) || '/' || coalesce(sum(xmin::text::bigint), 0) as state from \""
                                    + table
                                    + "\"")
                            .toList());
        }

        void before() {
            long xid = nextXid();
            if (xid != xidBefore || tablesBefore == null) {
                tablesBefore = tables();
                xidBefore = nextXid();
            }
        }

        /** The tables changed since {@link #before}, if any; what is stored now becomes the state to compare to. */
        Optional<List<String>> changedSince() {
            long xid = nextXid();
            if (xid == xidBefore) {
                return Optional.empty();
            }
            Map<String, String> now = tables();
            Map<String, String> then = java.util.Objects.requireNonNull(tablesBefore);
            List<String> changed = now.keySet().stream()
                    .filter(table -> !now.get(table).equals(then.get(table)))
                    .toList();
            tablesBefore = now;
            xidBefore = nextXid();
            return changed.isEmpty() ? Optional.empty() : Optional.of(changed);
        }

        /** After a request that was carried out: what it stored is the state to compare the next one to. */
        void forget() {
            tablesBefore = null;
        }

        private long nextXid() {
            return jdbc.sql("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint")
                    .query(Long.class)
                    .single();
        }

        private Map<String, String> tables() {
            Map<String, String> state = new LinkedHashMap<>();
            jdbc.sql(countsAndVersions)
                    .query((rs, row) -> state.put(rs.getString("name"), rs.getString("state")))
                    .list();
            return state;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(JsonNode body) {
        return bytes(body.toString());
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviated(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "...(" + text.length() + ")" : text;
    }
}
