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

/**
 * RISK-3: a linked incident confirmed (or a confirmed one linked) proposes that an anticipated risk materialized; its
 * owner is told; a coordinator accepts (the risk materializes) or dismisses it, audited either way; once per incident.
 */
class RiskProposalTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    TestUser owner;
    ApiClient coordinator;

    @BeforeEach
    void signIn() {
        owner = users.user("risk-proposal-owner", Set.of(Role.COORDINATOR, Role.HANDLER));
        coordinator = client(owner);
    }

    private JsonNode ok(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 201);
        return answer.json();
    }

    private JsonNode incident(String title) {
        return ok(coordinator.post("/api/v1/incidents", Map.of("title", title, "description", "Seen today")));
    }

    private JsonNode confirm(JsonNode incident, String severity) {
        JsonNode now =
                ok(coordinator.get("/api/v1/incidents/" + incident.get("id").asString()));
        return ok(coordinator.post(
                "/api/v1/incidents/" + incident.get("id").asString() + "/recategorise",
                Map.of(
                        "category",
                        now.get("category"),
                        "severity",
                        severity,
                        "determination",
                        "confirmed",
                        "version",
                        now.get("version").asLong())));
    }

    private String risk(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("owner", owner.id().toString());
        body.put(
                "mitigationTargetAt", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        body.put("likelihood", "possible");
        body.put("impact", "major");
        return ok(coordinator.post("/api/v1/risks", body)).get("id").asString();
    }

    private long audited(String risk, String action) {
        return jdbc.sql("select count(*) from audit_record where object_id = ? and action = ?")
                .params(risk, action)
                .query(Long.class)
                .single();
    }

    private long told(String risk) {
        return jdbc.sql("select count(*) from notification_inbox where recipient_id = ? and link like ?"
                        + " and template = 'risk-materialization-proposed'")
                .params(owner.id().value(), "%" + risk)
                .query(Long.class)
                .single();
    }

    @Test
    void confirmingALinkedIncidentProposesOnceAndTellsTheOwnerAndADismissalLeavesTheRiskAnticipated() {
        String risk = risk("Credential stuffing on the portal");
        JsonNode incident = incident("Logins from a botnet");
        ok(coordinator.post("/api/v1/risks/" + risk + "/incidents", Map.of("incident", incident.get("reference"))));
        assertThat(ok(coordinator.get("/api/v1/risks/" + risk + "/proposals"))).isEmpty();

        confirm(incident, "high");
        confirm(incident, "critical");

        JsonNode proposals = ok(coordinator.get("/api/v1/risks/" + risk + "/proposals"));
        assertThat(proposals).hasSize(1);
        assertThat(proposals.get(0).get("reference").asString())
                .isEqualTo(incident.get("reference").asString());
        assertThat(told(risk)).isEqualTo(1);
        assertThat(audited(risk, "risk.materialization-proposed")).isEqualTo(1);

        JsonNode left = ok(coordinator.post(
                "/api/v1/risks/" + risk + "/proposals/" + incident.get("id").asString() + "/dismiss", Map.of()));
        assertThat(left).isEmpty();
        assertThat(audited(risk, "risk.proposal-dismissed")).isEqualTo(1);
        assertThat(ok(coordinator.get("/api/v1/risks/" + risk)).get("status").asString())
                .isEqualTo("anticipated");
        confirm(incident, "high");
        assertThat(ok(coordinator.get("/api/v1/risks/" + risk + "/proposals"))).isEmpty();
    }

    @Test
    void linkingAConfirmedIncidentProposesAndAcceptingFromTheStoredVersionMaterializesTheRisk() {
        JsonNode incident = incident("Ransomware note on a file server");
        confirm(incident, "high");
        String risk = risk("Ransomware");
        ok(coordinator.post("/api/v1/risks/" + risk + "/incidents", Map.of("incident", incident.get("reference"))));
        String accept =
                "/api/v1/risks/" + risk + "/proposals/" + incident.get("id").asString() + "/accept";

        ApiClient handler = client(users.user("risk-proposal-handler", Set.of(Role.HANDLER)));
        assertThat(handler.post(accept, Map.of("version", 0)).status()).isIn(403, 404);
        assertThat(coordinator.post(accept, Map.of("version", 7)).status()).isEqualTo(409);
        JsonNode materialized = ok(coordinator.post(accept, Map.of("version", 0)));

        assertThat(materialized.get("status").asString()).isEqualTo("materialized");
        assertThat(audited(risk, "risk.materialized")).isEqualTo(1);
        assertThat(ok(coordinator.get("/api/v1/risks/" + risk + "/proposals"))).isEmpty();
        assertThat(coordinator.post(accept, Map.of("version", 1)).status()).isEqualTo(404);
    }
}
