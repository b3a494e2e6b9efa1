package io.cairn.compliance;

import static io.cairn.compliance.ObligationServerTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The deadline overview on the whole server: every open stage across the incidents the reader sees, earliest due
 * first (the overdue ones first), filtered by legal entity, regime and state, paged; and its calendar feed at a secret
 * address that answers 404 once revoked or replaced.
 */
class DeadlineServerTest extends ApiClient.OnServer {

    ApiClient coordinator;
    ApiClient officer;
    String entity;
    String unit;
    String s;

    @BeforeEach
    void organisation() {
        s = Long.toString(System.nanoTime(), 36);
        ApiClient admin = client(users.user("dl-admin-" + s, Set.of(Role.ADMIN)));
        coordinator = client(users.user("dl-coord-" + s, Set.of(Role.COORDINATOR, Role.HANDLER)));
        officer = client(users.user("dl-dpo-" + s, Set.of(Role.PRIVACY_OFFICER)));
        entity = ComplianceFixture.legalEntity(admin, "Deadlines " + s, "important", null);
        unit = ComplianceFixture.businessUnit(admin, "Deadline unit " + s, entity);
    }

    private String breach(Instant aware, boolean confidential) {
        String id = coordinator
                .post(
                        "/api/v1/incidents",
                        body(
                                "title",
                                "Leak " + s,
                                "description",
                                "records",
                                "businessUnit",
                                unit,
                                "confidential",
                                confidential))
                .json()
                .path("id")
                .asString();
        String compliance = "/api/v1/incidents/" + id + "/compliance";
        coordinator.put(
                compliance + "/facts/gdpr.awareness",
                body("at", aware.toString(), "justification", "logs", "version", 0));
        coordinator.put(
                compliance + "/decisions/personal-data-breach", body("result", "yes", "rationale", "r", "version", 0));
        coordinator.put(compliance + "/decisions/gdpr-risk", body("result", "risk", "rationale", "r", "version", 0));
        return id;
    }

    private List<JsonNode> deadlines(ApiClient client, String query) {
        ApiClient.Answer answer = client.get("/api/v1/compliance/deadlines?legalEntity=" + entity + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().path("items").valueStream().toList();
    }

    @Test
    void theOpenStagesAcrossIncidentsComeEarliestDueFirstFilteredAndPaged() {
        Instant now = Instant.now();
        String late = breach(now.minus(Duration.ofDays(5)), false);
        String soon = breach(now.minus(Duration.ofHours(70)), false);
        String fresh = breach(now.minus(Duration.ofHours(1)), false);
        String secret = breach(now.minus(Duration.ofHours(2)), true);

        List<JsonNode> all = deadlines(coordinator, "");
        assertThat(all)
                .extracting(entry -> entry.path("incident").asString())
                .containsExactly(late, soon, secret, fresh);
        assertThat(all.get(0).path("status").asString()).isEqualTo("overdue");
        assertThat(all.get(1).path("status").asString()).isEqualTo("due-soon");
        assertThat(all.get(3).path("status").asString()).isEqualTo("open");
        assertThat(all.get(3).path("stage").asString()).isEqualTo("supervisory-authority");
        assertThat(all.get(3).path("firstWarningAt").asString()).isNotEmpty();

        assertThat(deadlines(officer, ""))
                .extracting(entry -> entry.path("incident").asString())
                .containsExactly(late, soon, fresh);
        assertThat(deadlines(coordinator, "&state=overdue"))
                .extracting(entry -> entry.path("incident").asString())
                .containsExactly(late);
        assertThat(deadlines(coordinator, "&state=due-soon"))
                .extracting(entry -> entry.path("incident").asString())
                .containsExactly(soon);
        assertThat(deadlines(coordinator, "&regime=nis2")).isEmpty();
        JsonNode page = coordinator
                .get("/api/v1/compliance/deadlines?legalEntity=" + entity + "&limit=2&offset=1")
                .json();
        assertThat(page.path("items")
                        .valueStream()
                        .map(entry -> entry.path("incident").asString()))
                .containsExactly(soon, secret);
        assertThat(page.path("more").asBoolean()).isTrue();
        ApiClient.Answer bad = officer.get("/api/v1/compliance/deadlines?state=late&limit=500");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json()
                        .path("errors")
                        .valueStream()
                        .map(error -> error.path("field").asString()))
                .containsExactlyInAnyOrder("state", "limit");
        assertThat(client(users.user("dl-hand-" + s, Set.of(Role.HANDLER)))
                        .get("/api/v1/compliance/deadlines")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theCalendarFeedAtItsSecretAddressHasAnEventPerDeadlineAndAnswers404OnceRevokedOrReplaced() {
        String incident = breach(Instant.now().minus(Duration.ofHours(1)), false);
        ApiClient.Answer issued = officer.post("/api/v1/compliance/calendar-feed", Map.of());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String feed = URI.create(issued.json().path("url").asString()).getPath();
        ApiClient anonymous = new ApiClient(port, null);
        ApiClient.Bytes calendar = anonymous.bytes(feed, Map.of("Accept", "text/calendar"));
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.header("Content-Type")).startsWith("text/calendar");
        String text = new String(calendar.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VALARM", "TRIGGER;VALUE=DATE-TIME:");
        String obligation = coordinator
                .get("/api/v1/incidents/" + incident + "/compliance")
                .json()
                .path("obligations")
                .get(0)
                .path("id")
                .asString();
        assertThat(text).contains("UID:" + obligation + "-supervisory-authority@cairn");
        assertThat(anonymous.bytes(feed, Map.of()).body()).isNotEmpty();

        String replaced = URI.create(officer.post("/api/v1/compliance/calendar-feed", Map.of())
                        .json()
                        .path("url")
                        .asString())
                .getPath();
        assertThat(anonymous.bytes(feed, Map.of()).status()).isEqualTo(404);
        assertThat(anonymous.bytes(replaced, Map.of()).status()).isEqualTo(200);
        assertThat(officer.delete("/api/v1/compliance/calendar-feed").status()).isEqualTo(204);
        assertThat(anonymous.bytes(replaced, Map.of()).status()).isEqualTo(404);
        assertThat(anonymous
                        .bytes("/api/v1/public/calendar/made-up/deadlines.ics", Map.of())
                        .status())
                .isEqualTo(404);
    }
}
