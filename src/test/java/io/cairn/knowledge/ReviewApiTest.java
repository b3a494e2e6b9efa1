package io.cairn.knowledge;

import static io.cairn.knowledge.KnowledgeApiTest.body;
import static io.cairn.knowledge.KnowledgeApiTest.problemField;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Post-incident reviews through the API: closing needs one, what completing needs, and who may read and write. */
class ReviewApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    String suffix;
    TeamId team;
    TestUser handlerUser;
    TestUser reporterUser;
    ApiClient handler;
    ApiClient reporter;
    ApiClient coordinator;
    ApiClient admin;

    @BeforeEach
    void signIn() {
        suffix = Long.toString(System.nanoTime(), 36);
        team = users.teamNamed("csirt-" + suffix);
        handlerUser = users.userNamed("handler-" + suffix, Set.of(Role.HANDLER), team);
        reporterUser = users.userNamed("reporter-" + suffix, Set.of(Role.REPORTER));
        handler = client(handlerUser);
        reporter = client(reporterUser);
        coordinator = client(users.userNamed("coordinator-" + suffix, Set.of(Role.COORDINATOR)));
        admin = client(users.userNamed("admin-" + suffix, Set.of(Role.ADMIN)));
    }

    private JsonNode report(ApiClient as, Map<String, Object> incident) {
        ApiClient.Answer created = as.post("/api/v1/incidents", incident);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** Moves the incident through the phases up to review; answers its version. */
    private long toReview(String id, long version) {
        for (String to : List.of("triage", "analysis", "containment", "eradication", "recovery", "review")) {
            ApiClient.Answer moved =
                    handler.post("/api/v1/incidents/" + id + "/transition", body("to", to, "version", version));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            version = moved.json().get("version").asLong();
        }
        return version;
    }

    private static String tomorrow() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    }

    @Test
    void refusesToCloseAP1IncidentUntilItsReviewIsCompleted() {
        JsonNode incident = report(
                handler,
                body(
                        "title",
                        "Ransomware on file server " + suffix,
                        "description",
                        "Files encrypted",
                        "impact",
                        "high",
                        "urgency",
                        "high"));
        assertThat(incident.get("priority").asString()).isEqualTo("P1");
        String id = incident.get("id").asString();
        long version = toReview(id, incident.get("version").asLong());

        ApiClient.Answer refused = handler.post(
                "/api/v1/incidents/" + id + "/transition",
                body("to", "closed", "reason", "Restored from backup", "version", version));
        assertThat(problemField(refused, 400)).isEqualTo("to");
        assertThat(refused.json().get("detail").asString()).contains("post-incident review");

        ApiClient.Answer draft = handler.put(
                "/api/v1/incidents/" + id + "/review",
                body(
                        "summary",
                        "Encrypted at 02:00, restored by 09:00.",
                        "rootCause",
                        "unpatched-vulnerability",
                        "complete",
                        false,
                        "version",
                        0));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
        assertThat(draft.json().get("status").asString()).isEqualTo("draft");
        assertThat(problemField(
                        handler.post(
                                "/api/v1/incidents/" + id + "/transition",
                                body("to", "closed", "reason", "Restored", "version", version)),
                        400))
                .isEqualTo("to");

        ApiClient.Answer completed = handler.put(
                "/api/v1/incidents/" + id + "/review",
                body(
                        "summary",
                        "Encrypted at 02:00, restored by 09:00.",
                        "rootCause",
                        "unpatched-vulnerability",
                        "wentWell",
                        "Backups worked",
                        "toImprove",
                        "Patch faster",
                        "complete",
                        true,
                        "version",
                        1));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.json().get("status").asString()).isEqualTo("completed");
        assertThat(completed.json().get("rootCauseLabel").asString()).isEqualTo("Unpatched vulnerability");

        ApiClient.Answer closed = handler.post(
                "/api/v1/incidents/" + id + "/transition",
                body("to", "closed", "reason", "Restored from backup", "version", version));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("closed");
        assertThat(jdbc.sql("select action from audit_record where object_type = 'post-incident-review'"
                                + " and object_id = :id order by seq")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("post-incident-review.drafted", "post-incident-review.completed");
    }

    @Test
    void closesALowPriorityIncidentWithoutAReview() {
        JsonNode incident = report(
                handler,
                body("title", "Spam wave " + suffix, "description", "Spam", "impact", "low", "urgency", "low"));
        String id = incident.get("id").asString();
        long version = toReview(id, incident.get("version").asLong());
        assertThat(handler.post(
                                "/api/v1/incidents/" + id + "/transition",
                                body("to", "closed", "reason", "Filtered", "version", version))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesAnIncompleteReviewARetiredRootCauseAndAStaleSaveNamingTheField() {
        String id = report(handler, body("title", "Review rules " + suffix, "description", "x"))
                .get("id")
                .asString();
        String path = "/api/v1/incidents/" + id + "/review";

        assertThat(problemField(handler.put(path, body("rootCause", "phishing", "complete", true, "version", 0)), 400))
                .isEqualTo("summary");
        assertThat(problemField(
                        handler.put(path, body("summary", "What happened", "complete", true, "version", 0)), 400))
                .isEqualTo("rootCause");
        assertThat(problemField(
                        handler.put(
                                path, body("summary", "S", "rootCause", "gremlins", "complete", false, "version", 0)),
                        400))
                .isEqualTo("rootCause");

        String key = "retired-" + suffix;
        JsonNode added = admin.post("/api/v1/root-causes", body("key", key, "label", "Retired " + suffix))
                .json();
        assertThat(admin.put(
                                "/api/v1/root-causes/" + key,
                                body(
                                        "label",
                                        "Retired " + suffix,
                                        "retired",
                                        true,
                                        "version",
                                        added.get("version").asLong()))
                        .status())
                .isEqualTo(200);
        ApiClient.Answer retired =
                handler.put(path, body("summary", "S", "rootCause", key, "complete", true, "version", 0));
        assertThat(problemField(retired, 400)).isEqualTo("rootCause");
        assertThat(retired.json().get("detail").asString()).contains("retired");

        assertThat(handler.put(path, body("summary", "S", "complete", false, "version", 0))
                        .status())
                .isEqualTo(200);
        assertThat(problemField(
                        handler.put(path, body("summary", "Lost update", "complete", false, "version", 0)), 409))
                .isEqualTo("version");
        assertThat(handler.get(path).json().get("summary").asString()).isEqualTo("S");
        assertThat(jdbc.sql("select count(*) from incident_review where incident_id = cast(:id as uuid)")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void tracksCorrectiveActionsToDoneAndRefusesOnesWithoutOwnerOrWithAPastDueDate() {
        String id = report(handler, body("title", "Actions " + suffix, "description", "x"))
                .get("id")
                .asString();
        String actions = "/api/v1/incidents/" + id + "/review/actions";

        assertThat(problemField(handler.post(actions, body("title", "Patch servers", "dueOn", tomorrow())), 400))
                .isEqualTo("owner");
        assertThat(problemField(
                        handler.post(
                                actions,
                                body(
                                        "title",
                                        "Patch servers",
                                        "owner",
                                        handlerUser.id().toString(),
                                        "dueOn",
                                        LocalDate.now(ZoneOffset.UTC)
                                                .minusDays(1)
                                                .toString())),
                        400))
                .isEqualTo("dueOn");
        assertThat(problemField(
                        handler.post(
                                actions,
                                body("title", " ", "owner", handlerUser.id().toString(), "dueOn", tomorrow())),
                        400))
                .isEqualTo("title");

        ApiClient.Answer added = handler.post(
                actions,
                body(
                        "title",
                        "Patch servers " + suffix,
                        "owner",
                        handlerUser.id().toString(),
                        "dueOn",
                        tomorrow()));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String actionId = added.json().get("id").asString();
        assertThat(added.json().get("ownerName").asString()).isEqualTo("Handler-" + suffix);

        assertThat(openActionTitles()).contains("Patch servers " + suffix);
        assertThat(handler.get("/api/v1/corrective-actions?open=true").status()).isEqualTo(403);

        ApiClient.Answer done =
                handler.post("/api/v1/corrective-actions/" + actionId + "/status", body("done", true, "version", 0));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("done");
        assertThat(openActionTitles()).doesNotContain("Patch servers " + suffix);
        assertThat(handler.get("/api/v1/incidents/" + id + "/review")
                        .json()
                        .get("actions")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("done");
    }

    private List<String> openActionTitles() {
        ApiClient.Answer open = coordinator.get("/api/v1/corrective-actions?open=true");
        assertThat(open.status()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        open.json().forEach(action -> titles.add(action.get("title").asString()));
        return titles;
    }

    @Test
    void reportersResolversAndThoseWhoCannotSeeTheIncidentCannotReadOrWriteItsReview() {
        JsonNode incident = report(reporter, body("title", "My laptop is gone " + suffix, "description", "Lost"));
        String id = incident.get("id").asString();
        handler.put(
                "/api/v1/incidents/" + id + "/review",
                body("summary", "Lost on a train", "complete", false, "version", 0));

        assertThat(reporter.get("/api/v1/incidents/" + id).status()).isEqualTo(200);
        assertThat(reporter.get("/api/v1/incidents/" + id + "/review").status()).isEqualTo(403);
        assertThat(reporter.put(
                                "/api/v1/incidents/" + id + "/review",
                                body("summary", "Mine", "complete", false, "version", 1))
                        .status())
                .isEqualTo(403);
        ApiClient resolver = client(users.userNamed("resolver-" + suffix, Set.of(Role.RESOLVER)));
        assertThat(resolver.get("/api/v1/incidents/" + id + "/review").status()).isEqualTo(404);

        String confidential = report(
                        handler,
                        body(
                                "title",
                                "Executive mailbox " + suffix,
                                "description",
                                "x",
                                "confidential",
                                true,
                                "team",
                                team.toString()))
                .get("id")
                .asString();
        handler.put(
                "/api/v1/incidents/" + confidential + "/review",
                body("summary", "Secret", "complete", false, "version", 0));
        ApiClient outsider = client(users.userNamed("outsider-" + suffix, Set.of(Role.HANDLER)));
        assertThat(outsider.get("/api/v1/incidents/" + confidential + "/review").status())
                .isEqualTo(404);
        assertThat(outsider.put(
                                "/api/v1/incidents/" + confidential + "/review",
                                body("summary", "x", "complete", false, "version", 1))
                        .status())
                .isEqualTo(404);
        assertThat(outsider.get("/api/v1/incidents/" + confidential + "/recurrence-candidates")
                        .status())
                .isEqualTo(404);
        assertThat(handler.get("/api/v1/incidents/" + confidential + "/review")
                        .json()
                        .get("summary")
                        .asString())
                .isEqualTo("Secret");
    }

    @Test
    void onlyAdminsEditTheRootCauses() {
        String key = "supply-" + suffix;
        assertThat(handler.post("/api/v1/root-causes", body("key", key, "label", "Supply " + suffix))
                        .status())
                .isEqualTo(403);
        assertThat(coordinator
                        .post("/api/v1/root-causes", body("key", key, "label", "Supply " + suffix))
                        .status())
                .isEqualTo(403);
        ApiClient.Answer added = admin.post("/api/v1/root-causes", body("key", key, "label", "Supply " + suffix));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(handler.put("/api/v1/root-causes/" + key, body("label", "Renamed", "retired", false, "version", 0))
                        .status())
                .isEqualTo(403);
        ApiClient.Answer renamed = admin.put(
                "/api/v1/root-causes/" + key, body("label", "Supplier " + suffix, "retired", false, "version", 0));
        assertThat(renamed.json().get("label").asString()).isEqualTo("Supplier " + suffix);
        assertThat(problemField(admin.post("/api/v1/root-causes", body("key", "Bad Key!", "label", "x")), 400))
                .isEqualTo("key");
        assertThat(problemField(
                        admin.post("/api/v1/root-causes", body("key", "dup-" + suffix, "label", "Supplier " + suffix)),
                        409))
                .isEqualTo("label");
        assertThat(jdbc.sql("select action from audit_record where object_type = 'root-cause' and object_id = :key"
                                + " order by seq")
                        .param("key", key)
                        .query(String.class)
                        .list())
                .containsExactly("root-cause.added", "root-cause.renamed");
    }
}
