package io.cairn.isms.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A risk raised from a finding of a run, over HTTP: registered by a coordinator as any risk of the register, named by
 * the risk and listed by the run, recorded on both trails; refused to those who do not register risks, with every bad
 * value named and nothing stored.
 */
class RunRisksApiTest extends ApiClient.OnServer {

    String s;
    TestUsers.TestUser coordinatorUser;
    ApiClient coordinator;
    ApiClient auditor;
    ApiClient requester;
    String run;

    @BeforeEach
    void aRunOfAPenetrationTest() {
        s = Long.toString(System.nanoTime(), 36);
        ApiClient admin = client(users.userNamed("rradmin-" + s, Set.of(Role.ADMIN)));
        coordinatorUser = users.userNamed("rrcoord-" + s, Set.of(Role.COORDINATOR));
        coordinator = client(coordinatorUser);
        auditor = client(users.userNamed("rraudit-" + s, Set.of(Role.AUDITOR)));
        requester = client(users.userNamed("rrreq-" + s, Set.of(Role.REPORTER)));
        ApiClient.Answer added = admin.post(
                "/api/v1/procedure-types",
                Map.of(
                        "key",
                        "pentest-" + s,
                        "name",
                        "Penetration test " + s,
                        "phases",
                        List.of(Map.of("key", "test", "name", "Test")),
                        "steps",
                        List.of(Map.of(
                                "phase",
                                "test",
                                "title",
                                "Report the findings",
                                "kind",
                                "task",
                                "mandatory",
                                true,
                                "due",
                                "P1D")),
                        "due",
                        "P2D"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String type = added.json().path("id").asString();
        ApiClient.Answer started =
                requester.post("/api/v1/procedure-runs", Map.of("procedureType", type, "values", Map.of()));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        run = started.json().path("id").asString();
    }

    private Map<String, Object> risk(String title, String likelihood) {
        Map<String, Object> risk = new HashMap<>();
        risk.put("title", title);
        risk.put("description", "The admin portal answers on the internet without MFA.");
        risk.put("owner", coordinatorUser.id().toString());
        risk.put("likelihood", likelihood);
        risk.put("impact", "major");
        risk.put("mitigationTargetAt", LocalDate.now().plusDays(30).toString());
        return risk;
    }

    @Test
    void aCoordinatorRegistersARiskFromAFindingAndTheRunAndTheRiskNameEachOther() {
        ApiClient.Answer raised =
                coordinator.post("/api/v1/procedure-runs/" + run + "/risks", risk("Portal without MFA " + s, "likely"));

        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String risk = raised.json().path("id").asString();
        assertThat(raised.json().path("status").asString()).isEqualTo("anticipated");
        JsonNode ofRun = auditor.get("/api/v1/procedure-runs/" + run + "/risks").json();
        assertThat(ofRun.path(0).path("id").asString()).isEqualTo(risk);
        JsonNode origins = auditor.get("/api/v1/risks/" + risk + "/origins").json();
        assertThat(origins).hasSize(1);
        assertThat(origins.path(0).path("kind").asString()).isEqualTo("procedure-run");
        assertThat(origins.path(0).path("id").asString()).isEqualTo(run);
        assertThat(origins.path(0).path("reference").asString()).startsWith("PRC-");
        assertThat(origins.path(0).path("title").asString()).isEqualTo("Penetration test " + s);
        assertThat(origins.path(0).path("path").asString()).isEqualTo("/procedures/runs/" + run);
        assertThat(audited("risk.raised-from", risk)).isEqualTo(1);
        assertThat(audited("procedure-run.raised-risk", run)).isEqualTo(1);
    }

    @Test
    void onlyThoseWhoRegisterRisksRaiseThemAndEveryBadValueIsNamedWithNothingStored() {
        String raise = "/api/v1/procedure-runs/" + run + "/risks";

        // the run's requester reads it, but does not keep the register
        assertThat(requester.post(raise, risk("Mine", "likely")).status()).isEqualTo(403);
        assertThat(requester.get(raise).status()).isEqualTo(403);
        ApiClient.Answer wrong = coordinator.post(raise, risk(" ", "certain-ish"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.problemFields()).contains("title").doesNotContain("impact");
        assertThat(coordinator.post(raise, risk("Portal", "certain-ish")).problemFields())
                .containsExactly("likelihood");
        assertThat(coordinator
                        .post("/api/v1/procedure-runs/" + UUID.randomUUID() + "/risks", risk("Portal", "likely"))
                        .status())
                .isEqualTo(404);

        assertThat(coordinator.get(raise).json()).isEmpty();
        assertThat(audited("procedure-run.raised-risk", run)).isZero();
    }

    private long audited(String action, String object) {
        return context.getBean(JdbcClient.class)
                .sql("select count(*) from audit_record where action = ? and object_id = ?")
                .params(action, object)
                .query(Long.class)
                .single();
    }
}
