package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A person without an account reports, and follows up with a one-time code that shows nothing else. */
class AnonymousReportTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient anonymous;
    ApiClient handler;
    ApiClient reporter;
    ApiClient otherReporter;

    @BeforeEach
    void people() {
        String s = Long.toString(System.nanoTime(), 36);
        anonymous = new ApiClient(port, null);
        // anonymous reports through this template are confidential and unrouted: coordinators see them
        handler = client(users.userNamed("anh-" + s, Set.of(Role.HANDLER, Role.COORDINATOR)));
        reporter = client(users.userNamed("anr-" + s, Set.of(Role.REPORTER)));
        otherReporter = client(users.userNamed("ano-" + s, Set.of(Role.REPORTER)));
    }

    private JsonNode reportAnonymously() {
        ApiClient.Answer receipt = anonymous.post(
                "/api/v1/public/reports",
                Map.of(
                        "template",
                        "unauthorised-access",
                        "answers",
                        Map.of("what", "Payroll share", "details", "A contractor opened salary files")));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        return receipt.json();
    }

    private String incidentOf(String reference) {
        ApiClient.Answer found = handler.get("/api/v1/incidents?q=" + reference);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json().get("items").get(0).get("id").asString();
    }

    @Test
    void anAnonymousReportGetsAFollowUpCodeShownOnceAndStoredHashed() {
        JsonNode receipt = reportAnonymously();

        String code = receipt.get("followUpCode").asString();
        assertThat(code).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}");
        assertThat(receipt.get("tips").size()).isPositive();
        JsonNode incident = handler.get("/api/v1/incidents/"
                        + incidentOf(receipt.get("reference").asString()))
                .json();
        assertThat(incident.get("reporter").isNull()).isTrue();
        assertThat(incident.get("confidential").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from intake_follow_up where encode(digest, 'escape') like ?")
                        .param("%" + code + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theCodeShowsStatusAndQuestionsButNoInternalNotes() {
        JsonNode receipt = reportAnonymously();
        String code = receipt.get("followUpCode").asString();
        String id = incidentOf(receipt.get("reference").asString());
        handler.post("/api/v1/incidents/" + id + "/notes", Map.of("text", "Internal: suspect is J. Doe"));
        handler.post("/api/v1/incidents/" + id + "/questions", Map.of("text", "Which day did you see it?"));
        handler.post("/api/v1/incidents/" + id + "/transition", Map.of("to", "triage", "version", 0));

        JsonNode followUp = anonymous
                .post("/api/v1/public/follow-up", Map.of("code", code.toLowerCase()))
                .json();

        assertThat(followUp.get("status").asString()).isEqualTo("triage");
        assertThat(followUp.toString()).doesNotContain("J. Doe").doesNotContain("anh-");
        assertThat(followUp.get("conversation")
                        .valueStream()
                        .map(e -> e.get("kind").asString()))
                .containsExactly("reported", "asked-reporter", "transitioned");

        ApiClient.Answer replied =
                anonymous.post("/api/v1/public/follow-up/replies", Map.of("code", code, "text", "Tuesday around noon"));
        assertThat(replied.status()).isEqualTo(200);
        JsonNode timeline = handler.get("/api/v1/incidents/" + id + "/timeline").json();
        assertThat(timeline.get(timeline.size() - 1).get("note").asString()).isEqualTo("Tuesday around noon");
        assertThat(timeline.get(timeline.size() - 1).get("actorName").asString())
                .isEqualTo("anonymous reporter");
    }

    @Test
    void aWrongCodeIsNamedAndGuessingIsThrottled() {
        ApiClient.Answer wrong = anonymous.post("/api/v1/public/follow-up", Map.of("code", "AAAA-BBBB-CCCC"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("code");

        ApiClient.Answer last = wrong;
        for (int i = 0; i < 4; i++) {
            last = anonymous.post("/api/v1/public/follow-up", Map.of("code", "AAAA-BBBB-CCC" + i));
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json().get("detail").asString()).contains("try again in");
        assertThat(last.json().get("detail").asString())
                .endsWith("try again in " + last.header("Retry-After") + " seconds");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
    }

    @Test
    void anAnonymousReporterCannotPickARegisteredDevice() {
        ApiClient.Answer refused = anonymous.post(
                "/api/v1/public/reports",
                Map.of(
                        "template",
                        "malware",
                        "answers",
                        Map.of("device", java.util.UUID.randomUUID().toString(), "symptom", "ransom")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("answers.device");
    }

    @Test
    void aSignedInReporterFollowsUpOnlyTheirOwnReports() {
        String id = reporter.post(
                        "/api/v1/reports",
                        Map.of("template", "something-else", "answers", Map.of("what", "Odd USB stick in the canteen")))
                .json()
                .get("incident")
                .asString();
        handler.post("/api/v1/incidents/" + id + "/questions", Map.of("text", "Did you plug it in?"));

        JsonNode mine = reporter.get("/api/v1/me/reports/" + id).json();
        assertThat(mine.get("conversation").get(1).get("actorName").asString()).isEqualTo("security team");
        assertThat(reporter.post("/api/v1/me/reports/" + id + "/replies", Map.of("text", "No"))
                        .status())
                .isEqualTo(201);
        assertThat(otherReporter.get("/api/v1/me/reports/" + id).status()).isEqualTo(404);
        assertThat(otherReporter
                        .post("/api/v1/me/reports/" + id + "/replies", Map.of("text", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(reporter.post("/api/v1/incidents/" + id + "/questions", Map.of("text", "x"))
                        .status())
                .isEqualTo(403);
    }
}
