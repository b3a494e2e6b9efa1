package io.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.cairn.compliance.ComplianceFixture;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Races writers that carry the same version over every versioned command of the API, with real concurrent HTTP
 * requests released together, round after round: exactly one wins, every other gets 409 as a problem detail, and the
 * stored version moved once, to the winner's. The commands are those of the OpenAPI description that take a
 * {@code version}: one added without a race here fails {@link #everyVersionedCommandIsRaced}.
 */
@QuietServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentWritersTest extends ApiClient.OnServer {

    /** Writers per round, released at once. */
    private static final int WRITERS = 3;
    /** Rounds per command; more find rarer interleavings, at the cost of time. */
    private static final int ROUNDS = Integer.getInteger("cairn.test.race-rounds", 5);

    /** Versioned operations that create rather than replace, where a version is ignored: nothing to race. */
    private static final Set<String> CREATES = Set.of(
            "POST /api/v1/sla/calendars",
            "POST /api/v1/sla/escalation-levels",
            "POST /api/v1/routing-rules",
            "POST /api/v1/knowledge/articles");

    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    private com.sun.net.httpserver.@org.jspecify.annotations.Nullable HttpServer forgetful;
    private ApiClient admin;
    private TestUser adminUser;
    private TeamId racersTeam;

    /** One race: the command, a fresh round (set up as each round needs), and where the stored version is read. */
    private record Contest(String operation, Supplier<Round> round) {}

    /**
     * One round: the address, the body each writer sends (its index given, from the same version), and how to read
     * the version stored now.
     */
    private record Round(String method, String path, IntFunction<Object> body, Supplier<Long> version) {}

    @AfterAll
    void stopWriters() {
        writers.shutdownNow();
        if (forgetful != null) {
            forgetful.stop(0);
        }
    }

    @TestFactory
    Stream<DynamicTest> theLoserOfEveryRaceGets409AndNothingOfItIsStored() {
        signIn();
        return contests().stream()
                .map(contest -> dynamicTest(contest.operation(), () -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        race(contest.operation(), contest.round().get());
                    }
                }));
    }

    @org.junit.jupiter.api.Test
    void everyVersionedCommandIsRaced() {
        signIn();
        Set<String> versioned = new TreeSet<>();
        // springdoc builds the description at the first request: that takes a while on a busy machine
        JsonNode api =
                new RawHttp(port).send("GET", "/v3/api-docs", Map.of(), null).json();
        JsonNode schemas = api.path("components").path("schemas");
        api.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    JsonNode operation = entry.getValue();
                    boolean inQuery = operation
                            .path("parameters")
                            .valueStream()
                            .anyMatch(p -> p.path("name").asString().equals("version"));
                    JsonNode schema = operation
                            .path("requestBody")
                            .path("content")
                            .path("application/json")
                            .path("schema");
                    String ref = schema.path("$ref").asString("");
                    JsonNode body = ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
                    if (inQuery || body.path("properties").has("version")) {
                        versioned.add(entry.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                    }
                }));
        versioned.removeAll(CREATES);
        assertThat(contests().stream().map(Contest::operation).toList()).containsAll(versioned);
    }

    private void race(String operation, Round round) throws Exception {
        long before = round.version().get();
        CyclicBarrier start = new CyclicBarrier(WRITERS);
        List<Future<ApiClient.Answer>> sent = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            Object body = round.body().apply(writer);
            sent.add(writers.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return switch (round.method()) {
                    case "PUT" -> admin.put(round.path(), body);
                    case "PATCH" -> admin.patch(round.path(), body);
                    case "DELETE" -> admin.delete(round.path() + "?version=" + body);
                    default -> admin.post(round.path(), body);
                };
            }));
        }
        List<ApiClient.Answer> answers = new ArrayList<>();
        for (Future<ApiClient.Answer> answer : sent) {
            answers.add(answer.get(120, TimeUnit.SECONDS));
        }
        List<ApiClient.Answer> won =
                answers.stream().filter(a -> a.status() < 300).toList();
        assertThat(won).as(operation + ": one writer wins: " + answers).hasSize(1);
        for (ApiClient.Answer lost : answers) {
            if (lost != won.get(0)) {
                // a removal that reads after the winner's commit finds nothing left to remove
                assertThat(lost.status())
                        .as(operation + ": the others get 409: " + answers)
                        .isIn("DELETE".equals(round.method()) ? List.of(409, 404) : List.of(409));
                assertThat(lost.header("Content-Type")).startsWith("application/problem+json");
                assertThat(lost.json().path("detail").asString()).isNotBlank();
            }
        }
        long after = round.version().get();
        long expected = won.get(0).status() != 204 && won.get(0).json().has("version")
                ? won.get(0).json().get("version").asLong()
                : before + 1;
        assertThat(after)
                .as(operation + ": stored once, by the winner: " + answers)
                .isEqualTo(expected)
                .isGreaterThan(before);
    }

    // --- the contests ---------------------------------------------------------------------------------------------

    private List<Contest> contests() {
        List<Contest> contests = new ArrayList<>();
        contests.addAll(incidentContests());
        contests.addAll(identityContests());
        contests.addAll(handlingContests());
        contests.addAll(intakeAndKnowledgeContests());
        contests.addAll(federationContests());
        contests.addAll(complianceContests());
        contests.addAll(riskContests());
        contests.addAll(maturityContests());
        contests.addAll(evidenceContests());
        contests.addAll(scheduleContests());
        return contests;
    }

    /**
     * Revising, pausing and resuming a schedule (each round from the state the command needs), and deleting one, a
     * fresh schedule each round; a deleted schedule counts as one version further.
     */
    private List<Contest> scheduleContests() {
        List<Contest> contests = new ArrayList<>();
        String type = created(admin.post("/api/v1/procedure-types", procedureType("raced-" + suffix(), "Raced")), "id");
        String schedules = "/api/v1/procedure-schedules";
        String schedule = created(admin.post(schedules, schedule(type, "Raced")), "id");
        String path = schedules + "/" + schedule;
        contests.add(new Contest("PUT /api/v1/procedure-schedules/{id}", () -> {
            long version = version(path);
            return new Round(
                    "PUT",
                    path + "?version=" + version,
                    writer -> schedule(type, "Raced " + writer),
                    () -> version(path));
        }));
        contests.add(new Contest("POST /api/v1/procedure-schedules/{id}/pause", () -> toggled(path, true)));
        contests.add(new Contest("POST /api/v1/procedure-schedules/{id}/resume", () -> toggled(path, false)));
        contests.add(new Contest("DELETE /api/v1/procedure-schedules/{id}", () -> {
            String fresh = schedules + "/" + created(admin.post(schedules, schedule(type, "Deleted")), "id");
            long version = version(fresh);
            return new Round("DELETE", fresh, writer -> version, () -> {
                ApiClient.Answer read = admin.get(fresh);
                return read.status() == 404
                        ? version + 1
                        : read.json().path("version").asLong();
            });
        }));
        return contests;
    }

    /** A race to pause an active schedule, or to resume a paused one, after bringing it to that state. */
    private Round toggled(String path, boolean pause) {
        if (admin.get(path).json().path("active").asBoolean() != pause) {
            long version = version(path);
            admin.post(path + (pause ? "/resume" : "/pause") + "?version=" + version, Map.of());
        }
        long version = version(path);
        return new Round(
                "POST",
                path + (pause ? "/pause" : "/resume") + "?version=" + version,
                writer -> Map.of(),
                () -> version(path));
    }

    private Map<String, Object> schedule(String type, String name) {
        return Map.of(
                "name", name,
                "procedureType", type,
                "owner", adminUser.username(),
                "recurrence", "FREQ=WEEKLY;BYDAY=MO",
                "firstDay", "2027-01-01",
                "time", "09:00",
                "zone", "Europe/Amsterdam");
    }

    /**
     * A correction of an evidence item, and the proposal of its transfer, which is made on a fresh item each round as
     * one transfer of an item is pending at a time.
     */
    private List<Contest> evidenceContests() {
        List<Contest> contests = new ArrayList<>();
        String receiver =
                users.user("evidence-receiver", Set.of(Role.COORDINATOR)).id().toString();
        String corrected = evidenceItem();
        contests.add(new Contest(
                "POST /api/v1/incidents/{id}/evidence/{item}/corrections",
                () -> versioned(
                        "POST",
                        corrected + "/corrections",
                        corrected,
                        writer -> Map.of(
                                "field", "source", "value", "Raced " + writer + " " + suffix(), "reason", "race"))));
        contests.add(new Contest("POST /api/v1/incidents/{id}/evidence/{item}/transfers", () -> {
            String item = evidenceItem();
            return versioned(
                    "POST",
                    item + "/transfers",
                    item,
                    writer -> Map.of("to", receiver, "purpose", "Raced " + writer, "storageLocation", "Lab"));
        }));
        return contests;
    }

    /** The path of a new evidence item of a new incident, which the racer holds. */
    private String evidenceItem() {
        String incident = "/api/v1/incidents/" + incident() + "/evidence";
        return incident + "/"
                + created(
                        admin.post(
                                incident,
                                Map.of(
                                        "kind", "log-export",
                                        "description", "Raced logs",
                                        "source", "mx1",
                                        "collectedAt", "2026-01-01T00:00:00Z",
                                        "collectedWhere", "DC",
                                        "collectedHow", "export",
                                        "sha256", "a".repeat(64),
                                        "storageLocation", "Safe")),
                        "id");
    }

    /** A risk's revision and assessment, and its status changes, each on a fresh risk as it can happen once. */
    /** A record of a practice of the maturity model, replaced and withdrawn; made first when there is none. */
    private List<Contest> maturityContests() {
        String practice = "continuous-improvement";
        String path = "/api/v1/maturity/practices/" + practice;
        List<Contest> contests = new ArrayList<>();
        contests.add(new Contest("PUT /api/v1/maturity/practices/{practice}", () -> {
            long now = recordedVersion(practice);
            return new Round(
                    "PUT",
                    path,
                    writer -> Map.of("evidence", "Raced by " + writer, "version", now),
                    () -> practiceVersion(practice));
        }));
        contests.add(new Contest("DELETE /api/v1/maturity/practices/{practice}", () -> {
            long now = recordedVersion(practice);
            // a withdrawn record counts as one version further
            return new Round("DELETE", path, writer -> now, () -> {
                long stored = practiceVersion(practice);
                return stored < 0 ? now + 1 : stored;
            });
        }));
        return contests;
    }

    /** The version of the practice's record, recorded first when there is none. */
    private long recordedVersion(String practice) {
        long stored = practiceVersion(practice);
        return stored >= 0
                ? stored
                : admin.put("/api/v1/maturity/practices/" + practice, Map.of("evidence", "Raced"))
                        .json()
                        .get("version")
                        .asLong();
    }

    /** The version of the practice's record in the maturity view, or -1 when it has none. */
    private long practiceVersion(String practice) {
        for (JsonNode level : admin.get("/api/v1/maturity").json().path("levels")) {
            for (JsonNode shown : level.path("practices")) {
                if (shown.path("key").asString().equals(practice)) {
                    JsonNode record = shown.path("record");
                    return record.isObject() ? record.path("version").asLong() : -1;
                }
            }
        }
        throw new IllegalStateException("no practice " + practice);
    }

    private List<Contest> riskContests() {
        String risk = "/api/v1/risks/" + risk();
        List<Contest> contests = new ArrayList<>();
        contests.add(replacing(
                "PUT /api/v1/risks/{id}",
                risk,
                risk,
                (writer, version) -> Map.of(
                        "title", "Raced by " + writer, "owner", adminUser.id().toString(), "version", version)));
        contests.add(replacing(
                "POST /api/v1/risks/{id}/assessment",
                risk + "/assessment",
                risk,
                (writer, version) -> Map.of(
                        "likelihood", writer % 2 == 0 ? "likely" : "rare", "impact", "major", "version", version)));
        contests.add(onFreshRisk("materialize", 0, writer -> Map.of("version", 0)));
        contests.add(onFreshRisk("close", 0, writer -> Map.of("reason", "accepted", "version", 0)));
        contests.add(onFreshRisk("reopen", 1, writer -> Map.of("version", 1)));
        contests.add(new Contest("POST /api/v1/risks/{id}/proposals/{incident}/accept", () -> {
            // a confirmed incident linked to a fresh risk proposes that it materialized; accepting it materializes it
            String incident = incident();
            JsonNode read = admin.get("/api/v1/incidents/" + incident).json();
            admin.post(
                    "/api/v1/incidents/" + incident + "/recategorise",
                    Map.of(
                            "category", read.get("category"),
                            "determination", "confirmed",
                            "version", read.get("version").asLong()));
            String path = "/api/v1/risks/" + risk();
            admin.post(path + "/incidents", Map.of("incident", incident));
            return new Round(
                    "POST",
                    path + "/proposals/" + incident + "/accept",
                    writer -> Map.of("version", 0),
                    () -> version(path));
        }));
        String action = created(
                admin.post(
                        "/api/v1/incidents/" + incident() + "/review/actions",
                        Map.of(
                                "title",
                                "Raced action",
                                "owner",
                                adminUser.id().toString(),
                                "dueOn",
                                java.time.LocalDate.now().plusDays(30).toString())),
                "id");
        contests.add(new Contest("POST /api/v1/risks/{id}/corrective-actions", () -> {
            String path = "/api/v1/risks/" + risk();
            return new Round(
                    "POST",
                    path + "/corrective-actions",
                    writer -> Map.of("action", action, "version", 0),
                    () -> version(path));
        }));
        return contests;
    }

    /** A command raced on a new risk each round; closed first when the command needs it from version 1. */
    private Contest onFreshRisk(String command, long from, IntFunction<Object> body) {
        return new Contest("POST /api/v1/risks/{id}/" + command, () -> {
            String path = "/api/v1/risks/" + risk();
            if (from == 1) {
                admin.post(path + "/close", Map.of("reason", "mitigated", "version", 0));
            }
            return new Round("POST", path + "/" + command, body, () -> version(path));
        });
    }

    /** A new risk of the register, anticipated, at version 0. */
    private String risk() {
        return created(
                admin.post(
                        "/api/v1/risks",
                        Map.of(
                                "title",
                                "Raced " + suffix(),
                                "owner",
                                adminUser.id().toString(),
                                "likelihood",
                                "possible",
                                "impact",
                                "minor")),
                "id");
    }

    /** An incident's regime fact and decision record: each change is a new version, and only one writer adds it. */
    private List<Contest> complianceContests() {
        String compliance = "/api/v1/incidents/" + incident() + "/compliance";
        String fact = compliance + "/facts/gdpr.awareness";
        admin.put(fact, Map.of("at", "2026-01-01T10:00:00Z", "justification", "first", "version", 0));
        String decision = compliance + "/decisions/gdpr-risk";
        admin.put(decision, Map.of("result", "risk", "rationale", "first", "version", 0));
        String entity =
                created(admin.post("/api/v1/compliance/legal-entities", legalEntity("Obliged " + suffix())), "id");
        String unit = ComplianceFixture.businessUnit(admin, "Obliged " + suffix(), entity);
        String leak = leak(unit);
        String rebase = "/api/v1/compliance/obligations/"
                + admin.get(leak).json().path("obligations").get(0).path("id").asString()
                + "/rebase";
        String other = leak(unit);
        String stage = other + "/obligations/"
                + admin.get(other).json().path("obligations").get(0).path("id").asString()
                + "/stages/supervisory-authority";
        admin.put(stage + "/submission", Map.of("fields", ComplianceFixture.gdprReportFields("raced"), "version", 0));
        String highRisk = leak(unit);
        admin.put(highRisk + "/decisions/gdpr-risk", Map.of("result", "high-risk", "rationale", "r", "version", 1));
        String noticeText = highRisk + "/obligations/"
                + admin.get(highRisk)
                        .json()
                        .path("obligations")
                        .get(0)
                        .path("id")
                        .asString()
                + "/notice/text";
        return List.of(
                new Contest("POST /api/v1/incidents/{id}/compliance/obligations/{obligation}/notice/send", () -> {
                    // sending freezes the text for good: each round sends a new notice
                    String notice = noticeWithPeople(unit);
                    return versioned("POST", notice + "/send", notice + "/text", writer -> Map.of());
                }),
                new Contest(
                        "PUT /api/v1/incidents/{id}/compliance/obligations/{obligation}/notice/text",
                        () -> versioned(
                                "PUT",
                                noticeText,
                                noticeText,
                                writer -> Map.of("texts", Map.of("nl", Map.of("measures", "writer " + writer))))),
                new Contest(
                        "PUT /api/v1/incidents/{id}/compliance/obligations/{obligation}/stages/{stage}/submission",
                        () -> versioned(
                                "PUT",
                                stage + "/submission",
                                stage + "/submission",
                                writer -> Map.of("fields", Map.of("measures", "writer " + writer)))),
                new Contest(
                        "POST /api/v1/incidents/{id}/compliance/obligations/{obligation}/stages/{stage}/submissions",
                        () -> versioned(
                                "POST",
                                stage + "/submissions",
                                stage + "/submission",
                                writer -> Map.of(
                                        "channel", "e-mail",
                                        "recipient", "writer " + writer,
                                        "delayReason", "raced late"))),
                new Contest(
                        "POST /api/v1/compliance/obligations/{obligation}/rebase",
                        () -> versioned("POST", rebase, rebase, writer -> Map.of())),
                new Contest(
                        "PUT /api/v1/incidents/{id}/compliance/facts/{fact}",
                        () -> versioned(
                                "PUT",
                                fact,
                                fact,
                                writer -> Map.of(
                                        "at",
                                        "2026-01-0" + (writer + 1) + "T10:00:00Z",
                                        "justification",
                                        "writer " + writer))),
                new Contest(
                        "PUT /api/v1/incidents/{id}/compliance/decisions/{kind}",
                        () -> versioned(
                                "PUT",
                                decision,
                                decision,
                                writer -> Map.of(
                                        "result",
                                        writer % 2 == 0 ? "risk" : "high-risk",
                                        "rationale",
                                        "by " + writer))));
    }

    private List<Contest> incidentContests() {
        String run = suffix();
        List<Contest> contests = new ArrayList<>();
        contests.add(onIncident(
                "describe",
                writer -> Map.of("title", "Title by " + writer, "description", "Told by writer " + writer)));
        contests.add(onIncident(
                "detection",
                writer -> Map.of("source", writer % 2 == 0 ? "automated" : "external", "detectedBy", "by " + writer)));
        contests.add(
                onIncident("assign", writer -> Map.of("team", users.team("race").toString())));
        contests.add(onIncident(
                "reprioritise", writer -> Map.of("impact", writer % 2 == 0 ? "high" : "low", "urgency", "medium")));
        contests.add(onIncident(
                "recategorise",
                writer -> Map.of(
                        "category",
                        writer % 2 == 0
                                ? Map.of("rsitClass", "fraud", "rsitType", "phishing")
                                : Map.of("rsitClass", "other", "rsitType", "undetermined"))));
        contests.add(onIncident(
                "mark",
                writer -> Map.of(
                        "tlp",
                        writer % 2 == 0 ? "RED" : "GREEN",
                        "pap",
                        "AMBER",
                        "confidential",
                        false,
                        "reason",
                        "race " + run)));
        contests.add(onIncident("times", writer -> Map.of("occurredAt", "2026-01-0" + (writer + 1) + "T10:00:00Z")));
        String affected = "/api/v1/incidents/" + incident();
        contests.add(new Contest(
                "PUT /api/v1/incidents/{id}/services",
                () -> versioned("PUT", affected + "/services", affected, writer -> Map.of("services", List.of()))));
        String described = "/api/v1/incidents/" + incident();
        contests.add(new Contest(
                "PUT /api/v1/incidents/{id}/veris",
                () -> versioned(
                        "PUT",
                        described + "/veris",
                        described,
                        writer -> Map.of(
                                "actions", List.of(Map.of("category", writer % 2 == 0 ? "hacking" : "malware"))))));
        contests.add(new Contest(
                "POST /api/v1/incidents/{id}/transition",
                () -> freshIncident("transition", writer -> Map.of("to", "triage"))));
        contests.add(new Contest(
                "POST /api/v1/incidents/{id}/triage",
                () -> freshIncident("triage", writer -> Map.of("decision", "accept"))));
        contests.add(new Contest("POST /api/v1/incidents/{id}/merge", () -> {
            String target = incident();
            return freshIncident("merge", writer -> Map.of("target", target));
        }));
        return contests;
    }

    private List<Contest> identityContests() {
        List<Contest> contests = new ArrayList<>();
        String user = users.user("raced", Set.of(Role.HANDLER)).id().toString();
        contests.add(replacing(
                "PUT /api/v1/users/{id}",
                "/api/v1/users/" + user,
                "/api/v1/users/" + user,
                (writer, version) -> Map.of(
                        "displayName",
                        "Raced " + writer,
                        "roles",
                        List.of("HANDLER"),
                        "teams",
                        List.of(),
                        "enabled",
                        true,
                        "version",
                        version)));
        String team = users.team("raced").toString();
        contests.add(replacing(
                "PUT /api/v1/teams/{id}",
                "/api/v1/teams/" + team,
                () -> versionIn("/api/v1/teams", "id", team),
                (writer, version) -> Map.of(
                        "team",
                        Map.of("name", "Raced " + team + " " + writer, "description", "by " + writer),
                        "version",
                        version)));
        String unit = users.businessUnit("raced").toString();
        contests.add(replacing(
                "PUT /api/v1/business-units/{id}",
                "/api/v1/business-units/" + unit,
                () -> versionIn("/api/v1/business-units", "id", unit),
                (writer, version) -> Map.of(
                        "businessUnit",
                        Map.of("name", "Raced " + unit + " " + writer, "description", "by " + writer),
                        "version",
                        version)));
        String entity =
                created(admin.post("/api/v1/compliance/legal-entities", legalEntity("Raced " + suffix())), "id");
        contests.add(replacing(
                "PUT /api/v1/compliance/legal-entities/{id}",
                "/api/v1/compliance/legal-entities/" + entity,
                () -> versionIn("/api/v1/compliance/legal-entities", "id", entity),
                (writer, version) -> {
                    Map<String, Object> profile = legalEntity("Raced " + entity + " " + writer);
                    profile.put("version", version);
                    return profile;
                }));
        String device = created(
                admin.post(
                        "/api/v1/devices", Map.of("name", "Raced", "kind", "laptop", "identifier", "RACE-" + suffix())),
                "id");
        contests.add(replacing(
                "PUT /api/v1/devices/{id}/holder",
                "/api/v1/devices/" + device + "/holder",
                "/api/v1/devices/" + device,
                (writer, version) -> {
                    Map<String, Object> body = new HashMap<>();
                    body.put("holder", writer % 2 == 0 ? adminUser.id().toString() : null);
                    body.put("version", version);
                    return body;
                }));
        String service = "/api/v1/services/"
                + created(
                        admin.post(
                                "/api/v1/services",
                                Map.of(
                                        "name",
                                        "Raced " + suffix(),
                                        "ownerTeam",
                                        users.team("raced").toString(),
                                        "criticality",
                                        "low")),
                        "id");
        contests.add(new Contest("PATCH /api/v1/services/{id}", () -> {
            long version = version(service);
            return new Round(
                    "PATCH",
                    service,
                    writer -> Map.of("description", "by " + writer, "version", version),
                    () -> version(service));
        }));
        contests.add(new Contest("DELETE /api/v1/services/{id}", () -> {
            long version = version(service);
            return new Round("DELETE", service, writer -> version, () -> version(service));
        }));
        return contests;
    }

    private List<Contest> handlingContests() {
        List<Contest> contests = new ArrayList<>();
        String calendar = created(
                admin.post(
                        "/api/v1/sla/calendars",
                        Map.of(
                                "name",
                                "Raced " + suffix(),
                                "zone",
                                "Europe/Amsterdam",
                                "week",
                                Map.of("monday", List.of("09:00-17:00")),
                                "holidays",
                                List.of())),
                "id");
        contests.add(replacing(
                "PUT /api/v1/sla/calendars/{id}",
                "/api/v1/sla/calendars/" + calendar,
                "/api/v1/sla/calendars/" + calendar,
                (writer, version) -> Map.of(
                        "name",
                        "Raced " + calendar + writer,
                        "zone",
                        "Europe/Amsterdam",
                        "week",
                        Map.of("tuesday", List.of("0" + (writer + 7) + ":00-17:00")),
                        "holidays",
                        List.of(),
                        "version",
                        version)));
        if (admin.get("/api/v1/sla/policies/P4").status() == 404) {
            created(
                    admin.put("/api/v1/sla/policies/P4", Map.of("responseTarget", "8h", "resolutionTarget", "40h")),
                    "priority");
        }
        contests.add(replacing(
                "PUT /api/v1/sla/policies/{priority}",
                "/api/v1/sla/policies/P4",
                "/api/v1/sla/policies/P4",
                (writer, version) ->
                        Map.of("responseTarget", (writer + 1) + "h", "resolutionTarget", "40h", "version", version)));
        String level = created(
                admin.post(
                        "/api/v1/sla/escalation-levels",
                        Map.of(
                                "name",
                                "Raced " + suffix(),
                                "notifyKind",
                                "user",
                                "notifyTarget",
                                adminUser.username(),
                                "waitFor",
                                "30m")),
                "id");
        contests.add(replacing(
                "PUT /api/v1/sla/escalation-levels/{id}",
                "/api/v1/sla/escalation-levels/" + level,
                () -> versionIn("/api/v1/sla/escalation-levels", "id", level),
                (writer, version) -> Map.of(
                        "name",
                        "Raced " + level + writer,
                        "notifyKind",
                        "user",
                        "notifyTarget",
                        adminUser.username(),
                        "waitFor",
                        (writer + 1) + "0m",
                        "version",
                        version)));
        String team = racersTeam.toString();
        String rule = created(
                admin.post(
                        "/api/v1/routing-rules",
                        Map.of(
                                "name",
                                "Raced",
                                "rsitClass",
                                "fraud",
                                "team",
                                team,
                                "ownerStrategy",
                                "NONE",
                                "enabled",
                                false)),
                "id");
        contests.add(replacing(
                "PUT /api/v1/routing-rules/{id}",
                "/api/v1/routing-rules/" + rule,
                "/api/v1/routing-rules/" + rule,
                (writer, version) -> Map.of(
                        "name",
                        "Raced " + writer,
                        "rsitClass",
                        "fraud",
                        "team",
                        team,
                        "ownerStrategy",
                        "NONE",
                        "enabled",
                        false,
                        "version",
                        version)));
        String key = "race-" + suffix();
        String playbook = created(
                admin.post(
                        "/api/v1/playbooks",
                        Map.of(
                                "key",
                                key,
                                "name",
                                "Raced",
                                "categories",
                                List.of(Map.of("rsitClass", "fraud", "rsitType", "phishing")),
                                "template",
                                key,
                                "steps",
                                List.of(Map.of(
                                        "phase", "analysis", "title", "Look", "mandatory", false, "due", "PT1H")))),
                "id");
        contests.add(new Contest("PUT /api/v1/playbooks/{id}", () -> {
            long version = version("/api/v1/playbooks/" + playbook);
            return new Round(
                    "PUT",
                    "/api/v1/playbooks/" + playbook + "?version=" + version,
                    writer -> Map.of(
                            "key",
                            key,
                            "name",
                            "Raced " + writer,
                            "categories",
                            List.of(Map.of("rsitClass", "fraud", "rsitType", "phishing")),
                            "template",
                            key,
                            "steps",
                            List.of(Map.of(
                                    "phase",
                                    "analysis",
                                    "title",
                                    "Look " + writer,
                                    "mandatory",
                                    false,
                                    "due",
                                    "PT1H"))),
                    () -> version("/api/v1/playbooks/" + playbook));
        }));
        contests.add(retiring("POST /api/v1/playbooks/{id}/retirement", "/api/v1/playbooks/" + playbook));
        String procedureType = created(admin.post("/api/v1/procedure-types", procedureType(key, "Raced")), "id");
        contests.add(new Contest("PUT /api/v1/procedure-types/{id}", () -> {
            long version = version("/api/v1/procedure-types/" + procedureType);
            return new Round(
                    "PUT",
                    "/api/v1/procedure-types/" + procedureType + "?version=" + version,
                    writer -> procedureType(key, "Raced " + writer),
                    () -> version("/api/v1/procedure-types/" + procedureType));
        }));
        contests.add(
                retiring("POST /api/v1/procedure-types/{id}/retirement", "/api/v1/procedure-types/" + procedureType));
        procedureRuns(contests, key);
        String incident = incident();
        String task = created(
                admin.post("/api/v1/incidents/" + incident + "/tasks", Map.of("title", "Raced", "team", team)), "id");
        String tasks = "/api/v1/tasks/" + task;
        contests.add(new Contest("POST /api/v1/tasks/{id}/complete", () -> {
            reopenIfClosed(tasks);
            return versioned("POST", tasks + "/complete", tasks, writer -> Map.of("note", "done by " + writer));
        }));
        contests.add(new Contest("POST /api/v1/tasks/{id}/skip", () -> {
            reopenIfClosed(tasks);
            return versioned("POST", tasks + "/skip", tasks, writer -> Map.of("reason", "skipped by " + writer));
        }));
        contests.add(new Contest("POST /api/v1/tasks/{id}/reopen", () -> {
            if (admin.get(tasks).json().path("state").asString().equals("open")) {
                admin.post(tasks + "/complete", Map.of("version", version(tasks)));
            }
            return versioned("POST", tasks + "/reopen", tasks, writer -> Map.of());
        }));
        return contests;
    }

    private List<Contest> intakeAndKnowledgeContests() {
        List<Contest> contests = new ArrayList<>();
        String key = "race-" + suffix();
        Map<String, Object> content = Map.of(
                "title",
                Map.of("en", "Raced", "nl", "Geracet"),
                "summary",
                Map.of("en", "Raced", "nl", "Geracet"),
                "defaults",
                Map.of(
                        "category",
                        Map.of("rsitClass", "other", "rsitType", "undetermined"),
                        "impact",
                        "low",
                        "urgency",
                        "medium",
                        "confidential",
                        false),
                "questions",
                List.of(Map.of(
                        "key", "what", "kind", "text", "required", true, "label", Map.of("en", "What?", "nl", "Wat?"))),
                "tips",
                List.of(Map.of("en", "Wait.", "nl", "Wacht.")));
        admin.post("/api/v1/report-templates", Map.of("key", key, "content", content));
        String source = "/api/v1/alert-sources/" + key;
        admin.post("/api/v1/alert-sources", Map.of("key", key, "description", "Raced", "senders", List.of()));
        contests.add(replacing(
                "PUT /api/v1/alert-sources/{key}",
                source,
                source,
                (writer, version) -> Map.of(
                        "description",
                        "Raced by " + writer,
                        "senders",
                        List.of(),
                        "enabled",
                        writer % 2 == 0,
                        "version",
                        version)));
        contests.add(new Contest("DELETE /api/v1/alert-sources/{key}", () -> {
            String removed = "race-" + suffix();
            admin.post("/api/v1/alert-sources", Map.of("key", removed, "description", "Raced", "senders", List.of()));
            String path = "/api/v1/alert-sources/" + removed;
            long version = version(path);
            // a removed source counts as one version further
            return new Round(
                    "DELETE",
                    path,
                    writer -> version,
                    () -> admin.get(path).status() == 404 ? version + 1 : version(path));
        }));
        String template = "/api/v1/report-templates/" + key;
        contests.add(replacing(
                "PUT /api/v1/report-templates/{key}",
                template,
                template,
                (writer, version) -> Map.of("content", content, "version", version)));
        contests.add(retiring("POST /api/v1/report-templates/{key}/retirement", template));
        contests.add(replacing(
                "PUT /api/v1/priority-matrix",
                "/api/v1/priority-matrix",
                "/api/v1/priority-matrix",
                (writer, version) -> {
                    ObjectNode matrix =
                            (ObjectNode) admin.get("/api/v1/priority-matrix").json();
                    matrix.put("version", version);
                    return matrix;
                }));
        String rootCause = "race-" + suffix();
        admin.post("/api/v1/root-causes", Map.of("key", rootCause, "label", "Raced " + rootCause));
        contests.add(replacing(
                "PUT /api/v1/root-causes/{key}",
                "/api/v1/root-causes/" + rootCause,
                () -> versionIn("/api/v1/root-causes", "key", rootCause),
                (writer, version) ->
                        Map.of("label", "Raced " + rootCause + " " + writer, "retired", false, "version", version)));
        String slug = "race-" + suffix();
        admin.post(
                "/api/v1/knowledge/articles",
                Map.of("slug", slug, "title", "Raced", "body", "Raced", "audience", "handlers", "version", 0));
        contests.add(replacing(
                "PUT /api/v1/knowledge/articles/{slug}",
                "/api/v1/knowledge/articles/" + slug,
                () -> admin.get("/api/v1/knowledge/articles/" + slug)
                        .json()
                        .path("article")
                        .path("version")
                        .asLong(),
                (writer, version) -> Map.of(
                        "title",
                        "Raced " + writer,
                        "body",
                        "Written by " + writer,
                        "audience",
                        "handlers",
                        "version",
                        version)));
        String observed = "/api/v1/incidents/" + incident() + "/observables";
        String revised =
                created(admin.post(observed, Map.of("type", "url", "value", "https://race.example/" + suffix())), "id");
        contests.add(new Contest(
                "PATCH /api/v1/incidents/{id}/observables/{observableId}",
                () -> new Round(
                        "PATCH",
                        observed + "/" + revised,
                        writer -> Map.of(
                                "tlp",
                                writer % 2 == 0 ? "RED" : "CLEAR",
                                "version",
                                versionIn(observed, "id", revised)),
                        () -> versionIn(observed, "id", revised))));
        contests.add(new Contest("DELETE /api/v1/incidents/{id}/observables/{observableId}", () -> {
            String removed = created(
                    admin.post(observed, Map.of("type", "url", "value", "https://race.example/" + suffix())), "id");
            long version = versionIn(observed, "id", removed);
            // a removed observable counts as one version further
            return new Round(
                    "DELETE",
                    observed + "/" + removed,
                    writer -> version,
                    () -> admin.get(observed)
                                    .json()
                                    .valueStream()
                                    .anyMatch(o -> o.path("id").asString().equals(removed))
                            ? versionIn(observed, "id", removed)
                            : version + 1);
        }));
        String incident = incident();
        String review = "/api/v1/incidents/" + incident + "/review";
        contests.add(replacing(
                "PUT /api/v1/incidents/{id}/review",
                review,
                review,
                (writer, version) ->
                        Map.of("summary", "Summed up by " + writer, "complete", false, "version", version)));
        String action = created(
                admin.post(
                        review + "/actions",
                        Map.of(
                                "title",
                                "Raced",
                                "owner",
                                adminUser.id().toString(),
                                "dueOn",
                                LocalDate.now().plusDays(30).toString())),
                "id");
        Supplier<Long> actionVersion = () -> versionIn("/api/v1/corrective-actions?open=false", "id", action);
        contests.add(new Contest("POST /api/v1/corrective-actions/{id}/status", () -> {
            long version = actionVersion.get();
            boolean done = admin.get("/api/v1/corrective-actions?open=true")
                    .json()
                    .valueStream()
                    .noneMatch(a -> a.path("id").asString().equals(action));
            return new Round(
                    "POST",
                    "/api/v1/corrective-actions/" + action + "/status",
                    writer -> Map.of("done", !done, "version", version),
                    actionVersion);
        }));
        return contests;
    }

    // --- rounds of each shape ---------------------------------------------------------------------------------------

    /** A command on one incident, round after round: each round starts from the version the last one stored. */
    private Contest onIncident(String command, IntFunction<Map<String, Object>> body) {
        String id = incident();
        String path = "/api/v1/incidents/" + id;
        return new Contest(
                "POST /api/v1/incidents/{id}/" + command, () -> versioned("POST", path + "/" + command, path, body));
    }

    /** A command that can happen once to an incident: a new incident each round. */
    private Round freshIncident(String command, IntFunction<Map<String, Object>> body) {
        String path = "/api/v1/incidents/" + incident();
        return versioned("POST", path + "/" + command, path, body);
    }

    /** A replacement of a resource whose version is read at {@code read}. */
    /** A peer that is this server itself (its keys fetched from it), another with pasted keys, and the signing key. */
    private List<Contest> federationContests() {
        List<Contest> contests = new ArrayList<>();
        String self = "http://127.0.0.1:" + port;
        String peer = "/api/v1/federation/peers/"
                + admin.get("/api/v1/federation/peers")
                        .json()
                        .valueStream()
                        .filter(p -> p.path("baseUrl").asString().equals(self))
                        .map(p -> p.path("id").asString())
                        .findFirst()
                        .orElseGet(() -> created(
                                admin.post(
                                        "/api/v1/federation/peers",
                                        Map.of("name", "Raced", "baseUrl", self, "role", "customer")),
                                "id"));
        contests.add(replacing(
                "PUT /api/v1/federation/peers/{id}",
                peer,
                peer,
                (writer, version) ->
                        Map.of("name", "Raced by " + writer, "baseUrl", self, "role", "customer", "version", version)));
        contests.add(new Contest("POST /api/v1/federation/peers/{id}/suspension", () -> {
            JsonNode now = admin.get(peer).json();
            boolean suspended = now.path("state").asString().equals("suspended");
            long version = now.path("version").asLong();
            return new Round(
                    "POST",
                    peer + "/suspension",
                    writer -> Map.of("suspended", !suspended, "version", version),
                    () -> version(peer));
        }));
        contests.add(replacing(
                "POST /api/v1/federation/peers/{id}/keys/refresh",
                peer + "/keys/refresh",
                peer,
                (writer, version) -> Map.of("version", version)));
        contests.add(new Contest("DELETE /api/v1/federation/peers/{id}", () -> {
            String removed = "/api/v1/federation/peers/"
                    + created(
                            admin.post(
                                    "/api/v1/federation/peers",
                                    Map.of(
                                            "name",
                                            "Removed",
                                            "baseUrl",
                                            "https://race-" + suffix() + ".example",
                                            "role",
                                            "provider",
                                            "keys",
                                            admin.get("/federation/v1/jwks.json")
                                                    .json())),
                            "id");
            long version = version(removed);
            return new Round(
                    "DELETE",
                    removed,
                    writer -> version,
                    () -> admin.get(removed).status() == 404 ? version + 1 : version(removed));
        }));
        contests.addAll(subscriptionContests(peer));
        contests.addAll(publicationContests());
        contests.add(new Contest("POST /api/v1/federation/keys/rotation", () -> {
            JsonNode keys = admin.get("/api/v1/federation/keys").json();
            String active = keys.valueStream()
                    .filter(key -> key.path("state").asString().equals("active"))
                    .map(key -> key.path("kid").asString())
                    .findFirst()
                    .orElseThrow();
            return new Round("POST", "/api/v1/federation/keys/rotation", writer -> Map.of("activeKid", active), () ->
                    (long) admin.get("/api/v1/federation/keys").json().size());
        }));
        return contests;
    }

    /**
     * The share decisions on an incident published once already: more subscriptions, new words, a retraction. Each
     * round publishes a fresh incident to a customer's subscription first.
     */
    private List<Contest> publicationContests() {
        String customer = created(
                admin.post(
                        "/api/v1/federation/peers",
                        Map.of(
                                "name",
                                "Publication racer",
                                "baseUrl",
                                "https://race-publication-" + suffix() + ".example",
                                "role",
                                "customer",
                                "keys",
                                admin.get("/federation/v1/jwks.json").json())),
                "id");
        List<Contest> contests = new ArrayList<>();
        contests.add(new Contest("POST /api/v1/incidents/{id}/publication", () -> {
            String path = published(customer);
            long version = publicationVersion(path);
            List<String> more = List.of(subscriptionOf(customer), subscriptionOf(customer), subscriptionOf(customer));
            return new Round(
                    "POST",
                    path,
                    writer -> Map.of("subscriptions", List.of(more.get(writer % more.size())), "version", version),
                    () -> publicationVersion(path));
        }));
        contests.add(new Contest("PUT /api/v1/incidents/{id}/publication", () -> {
            String path = published(customer);
            long version = publicationVersion(path);
            return new Round(
                    "PUT",
                    path,
                    writer -> Map.of("summary", "Told by writer " + writer, "version", version),
                    () -> publicationVersion(path));
        }));
        contests.add(new Contest("POST /api/v1/incidents/{id}/publication/retraction", () -> {
            String path = published(customer);
            long version = publicationVersion(path);
            return new Round(
                    "POST",
                    path + "/retraction",
                    writer -> Map.of("reason", "Withdrawn by writer " + writer, "version", version),
                    () -> publicationVersion(path));
        }));
        return contests;
    }

    /** A fresh GREEN incident published to a new subscription of the customer; its publication's address. */
    private String published(String customer) {
        String incident = created(
                admin.post(
                        "/api/v1/incidents",
                        Map.of("title", "Shared " + suffix(), "description", "raced", "tlp", "GREEN")),
                "id");
        String path = "/api/v1/incidents/" + incident + "/publication";
        ApiClient.Answer first = admin.post(path, Map.of("subscriptions", List.of(subscriptionOf(customer))));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        return path;
    }

    private String subscriptionOf(String customer) {
        String id = java.util.UUID.randomUUID().toString();
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("""
                insert into federation_subscription (id, peer_id, services, categories, state, created_at, updated_at,
                  version)
                values (?::uuid, ?::uuid, '{}', '{}', 'active', now(), now(), 0)""")
                .params(id, customer)
                .update();
        return id;
    }

    private long publicationVersion(String path) {
        return admin.get(path).json().path("version").asLong();
    }

    /**
     * A customer's subscription of this server at itself (the peer at {@code peer}, its own base URL, is a customer),
     * and, for the cancellations, subscriptions this server holds at that peer: the peer answers that it does not know
     * them, which cancels them here.
     */
    private List<Contest> subscriptionContests(String peer) {
        org.springframework.jdbc.core.simple.JdbcClient jdbc =
                context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String peerId = peer.substring(peer.lastIndexOf('/') + 1);
        String subscription = java.util.UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into federation_subscription (id, peer_id, services, categories, state, created_at,
                                                             updated_at, version)
                        values (?::uuid, ?::uuid, '{}', '{}', 'active', now(), now(), 0)""").params(subscription, peerId).update();
        String list = "/api/v1/federation/subscriptions";
        List<Contest> contests = new ArrayList<>();
        contests.add(replacing(
                "PUT /api/v1/federation/subscriptions/{id}/rule",
                list + "/" + subscription + "/rule",
                () -> versionIn(list, "id", subscription),
                (writer, version) -> Map.of(
                        "rule", Map.of("confirmedOnly", writer % 2 == 0, "minSeverity", "high"), "version", version)));
        String provider = created(
                admin.post(
                        "/api/v1/federation/peers",
                        Map.of(
                                "name",
                                "Forgetful provider",
                                "baseUrl",
                                forgetfulProvider(),
                                "role",
                                "provider",
                                "keys",
                                admin.get("/federation/v1/jwks.json").json())),
                "id");
        contests.add(new Contest("DELETE /api/v1/federation/upstream-subscriptions/{id}", () -> {
            String ours = java.util.UUID.randomUUID().toString();
            jdbc.sql("""
                            insert into federation_upstream_subscription (id, peer_id, services, categories, state,
                                                                          created_at, updated_at, version)
                            values (?::uuid, ?::uuid, '{}', '{}', 'active', now(), now(), 0)""").params(ours, provider).update();
            String upstream = "/api/v1/federation/upstream-subscriptions";
            return new Round("DELETE", upstream + "/" + ours, writer -> 0L, () -> versionIn(upstream, "id", ours));
        }));
        return contests;
    }

    /**
     * A provider on a loopback port that knows no subscription (every request 404), so that a cancellation there
     * counts as done and the race is the one here.
     */
    private String forgetfulProvider() {
        try {
            com.sun.net.httpserver.HttpServer server =
                    com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            forgetful = server;
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            });
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Contest replacing(String operation, String path, String read, VersionedBody body) {
        return replacing(operation, path, () -> version(read), body);
    }

    private Contest replacing(String operation, String path, Supplier<Long> version, VersionedBody body) {
        return new Contest(operation, () -> {
            long now = version.get();
            return new Round(
                    "PUT".equals(operation.substring(0, 3)) ? "PUT" : "POST",
                    path,
                    writer -> body.of(writer, now),
                    version);
        });
    }

    /** Retires a resource or restores it, whichever it needs. */
    private Contest retiring(String operation, String path) {
        return new Contest(operation, () -> {
            JsonNode now = admin.get(path).json();
            long version = now.path("version").asLong();
            boolean retired = now.path("retired").asBoolean();
            return new Round(
                    "POST",
                    path + "/retirement",
                    writer -> Map.of("retired", !retired, "version", version),
                    () -> version(path));
        });
    }

    private Round versioned(String method, String path, String read, IntFunction<Map<String, Object>> body) {
        long version = version(read);
        return new Round(
                method,
                path,
                writer -> {
                    Map<String, Object> withVersion = new LinkedHashMap<>(body.apply(writer));
                    withVersion.put("version", version);
                    return withVersion;
                },
                () -> version(read));
    }

    @FunctionalInterface
    private interface VersionedBody {
        Object of(int writer, long version);
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private void signIn() {
        if (admin == null) {
            racersTeam = users.team("racers");
            adminUser = users.user("racer", Set.of(Role.values()), racersTeam);
            admin = client(adminUser);
        }
    }

    private String incident() {
        return created(
                admin.post("/api/v1/incidents", Map.of("title", "Raced " + suffix(), "description", "raced")), "id");
    }

    /** The compliance address of a new incident of the unit with a GDPR obligation to the supervisory authority. */
    private String leak(String unit) {
        String leak = "/api/v1/incidents/"
                + created(
                        admin.post(
                                "/api/v1/incidents",
                                Map.of("title", "Raced leak", "description", "raced", "businessUnit", unit)),
                        "id")
                + "/compliance";
        admin.put(
                leak + "/facts/gdpr.awareness",
                Map.of("at", "2026-01-01T10:00:00Z", "justification", "j", "version", 0));
        admin.put(leak + "/decisions/personal-data-breach", Map.of("result", "yes", "rationale", "r", "version", 0));
        admin.put(leak + "/decisions/gdpr-risk", Map.of("result", "risk", "rationale", "r", "version", 0));
        return leak;
    }

    /** The notice of a new high-risk breach of the unit, with one person on its list. */
    private String noticeWithPeople(String unit) {
        String leak = leak(unit);
        admin.put(leak + "/decisions/gdpr-risk", Map.of("result", "high-risk", "rationale", "r", "version", 1));
        String notice = leak + "/obligations/"
                + admin.get(leak).json().path("obligations").get(0).path("id").asString()
                + "/notice";
        ApiClient.Answer imported = admin.postFile(
                notice + "/people",
                "people.csv",
                "text/csv",
                "name,e-mail,language\nRaced,raced@example.org,en\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        return notice;
    }

    private void reopenIfClosed(String task) {
        if (!admin.get(task).json().path("state").asString().equals("open")) {
            admin.post(task + "/reopen", Map.of("version", version(task)));
        }
    }

    private long version(String path) {
        ApiClient.Answer read = admin.get(path);
        assertThat(read.status()).as(path + ": " + read).isEqualTo(200);
        return read.json().path("version").asLong();
    }

    /** A legal entity's profile as its API takes it, under this name. */
    private static Map<String, Object> legalEntity(String name) {
        return ComplianceFixture.dutchController(name, "important", null);
    }

    private long versionIn(String list, String field, String value) {
        return admin.get(list)
                .json()
                .valueStream()
                .filter(item -> item.path(field).asString().equals(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError(value + " not in " + list))
                .path("version")
                .asLong();
    }

    private static String created(ApiClient.Answer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isLessThan(300);
        return answer.json().path(field).asString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The versioned commands of runs, each round on a new run: one step for the owner to complete or skip, and an
     * approval that a coordinator decides for a run another person asked for.
     */
    private void procedureRuns(List<Contest> contests, String key) {
        String type = created(
                admin.post(
                        "/api/v1/procedure-types",
                        Map.of(
                                "key",
                                key + "-runs",
                                "name",
                                "Raced runs",
                                "phases",
                                List.of(Map.of("key", "check", "name", "Check")),
                                "steps",
                                List.of(
                                        Map.of(
                                                "phase",
                                                "check",
                                                "title",
                                                "Decide",
                                                "kind",
                                                "approval",
                                                "mandatory",
                                                false),
                                        Map.of("phase", "check", "title", "Look", "mandatory", false)),
                                "due",
                                "P2D")),
                "id");
        ApiClient asker = client(users.user("run-asker", Set.of(Role.REPORTER)));
        Supplier<String> run = () -> created(
                asker.post(
                        "/api/v1/procedure-runs",
                        Map.of("procedureType", type, "values", Map.of(), "owner", adminUser.username())),
                "id");
        contests.add(new Contest("POST /api/v1/procedure-runs/{id}/advance", () -> {
            String runs = "/api/v1/procedure-runs/" + run.get();
            return versioned("POST", runs + "/advance", runs, writer -> Map.of());
        }));
        contests.add(new Contest("POST /api/v1/procedure-runs/{id}/cancellation", () -> {
            String runs = "/api/v1/procedure-runs/" + run.get();
            return versioned("POST", runs + "/cancellation", runs, writer -> Map.of("reason", "by " + writer));
        }));
        IntFunction<String> step = position -> "/api/v1/procedure-steps/"
                + admin.get("/api/v1/procedure-runs/" + run.get())
                        .json()
                        .path("phases")
                        .path(0)
                        .path("steps")
                        .path(position)
                        .path("work")
                        .path("id")
                        .asString();
        contests.add(new Contest("POST /api/v1/procedure-steps/{id}/complete", () -> {
            String steps = step.apply(1);
            return versioned("POST", steps + "/complete", steps, writer -> Map.of("note", "by " + writer));
        }));
        contests.add(new Contest("POST /api/v1/procedure-steps/{id}/skip", () -> {
            String steps = step.apply(1);
            return versioned("POST", steps + "/skip", steps, writer -> Map.of("reason", "by " + writer));
        }));
        contests.add(new Contest("POST /api/v1/procedure-steps/{id}/decision", () -> {
            String steps = step.apply(0);
            return versioned("POST", steps + "/decision", steps, writer -> Map.of("approved", true));
        }));
    }

    private static Map<String, Object> procedureType(String key, String name) {
        return Map.of(
                "key",
                key,
                "name",
                name,
                "phases",
                List.of(Map.of("key", "check", "name", "Check")),
                "steps",
                List.of(Map.of("phase", "check", "title", "Look", "mandatory", false, "due", "P1D")),
                "due",
                "P2D");
    }
}
