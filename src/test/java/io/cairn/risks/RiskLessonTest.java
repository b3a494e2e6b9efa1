package io.cairn.risks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** RISK-3, lessons learned: a review's corrective action creates a risk, or becomes part of one's treatment. */
class RiskLessonTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    TestUser owner;
    ApiClient coordinator;

    @BeforeEach
    void signIn() {
        owner = users.user("risk-lesson-owner", Set.of(Role.COORDINATOR));
        coordinator = client(owner);
    }

    private JsonNode ok(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 201);
        return answer.json();
    }

    private JsonNode action(String title) {
        String incident = ok(coordinator.post(
                        "/api/v1/incidents", Map.of("title", "Admin account taken over", "description", "Seen")))
                .get("id")
                .asString();
        return ok(coordinator.post(
                "/api/v1/incidents/" + incident + "/review/actions",
                Map.of(
                        "title", title,
                        "owner", owner.id().toString(),
                        "dueOn", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString())));
    }

    private long audited(String risk) {
        return jdbc.sql("select count(*) from audit_record where object_id = ? and action = ?")
                .params(risk, "risk.corrective-action-linked")
                .query(Long.class)
                .single();
    }

    @Test
    void aRiskRegisteredFromACorrectiveActionIsLinkedBothWaysAndAudited() {
        JsonNode action = action("Enforce MFA for all admins");
        String id = action.get("id").asString();
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Admin accounts without MFA");
        body.put("owner", owner.id().toString());
        body.put("likelihood", "likely");
        body.put("impact", "severe");
        JsonNode risk = ok(coordinator.post("/api/v1/corrective-actions/" + id + "/risks", body));
        String riskId = risk.get("id").asString();

        assertThat(ok(coordinator.get("/api/v1/corrective-actions/" + id + "/risks"))
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo(riskId);
        assertThat(ok(coordinator.get("/api/v1/risks/" + riskId + "/corrective-actions"))
                        .get(0)
                        .get("title")
                        .asString())
                .isEqualTo("Enforce MFA for all admins");
        assertThat(audited(riskId)).isEqualTo(1);
    }

    @Test
    void aCorrectiveActionBecomesPartOfAnExistingRisksTreatmentFromTheVersionRead() {
        JsonNode action = action("Rotate the shared service account password");
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Shared service accounts");
        body.put("owner", owner.id().toString());
        body.put("treatment", "Inventory the accounts");
        body.put("likelihood", "possible");
        body.put("impact", "major");
        String risk = ok(coordinator.post("/api/v1/risks", body)).get("id").asString();
        Map<String, Object> attach = Map.of("action", action.get("id").asString(), "version", 3);

        assertThat(coordinator
                        .post("/api/v1/risks/" + risk + "/corrective-actions", attach)
                        .status())
                .isEqualTo(409);
        JsonNode revised = ok(coordinator.post(
                "/api/v1/risks/" + risk + "/corrective-actions",
                Map.of("action", action.get("id").asString(), "version", 0)));

        assertThat(revised.get("treatment").asString())
                .startsWith("Inventory the accounts\n" + action.get("reference").asString() + ": Rotate the shared");
        assertThat(audited(risk)).isEqualTo(1);
        ApiClient handler = client(users.user("risk-lesson-handler", Set.of(Role.HANDLER)));
        assertThat(handler.get("/api/v1/risks/" + risk + "/corrective-actions").status())
                .isIn(403, 404);
    }
}
