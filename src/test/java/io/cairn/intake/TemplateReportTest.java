package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reporting through templates with guided questions and tips; templates are data that admins edit. */
class TemplateReportTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    ApiClient reporter;
    ApiClient handler;
    TestUser reporterUser;
    String s;

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        admin = client(users.userNamed("tadmin-" + s, Set.of(Role.ADMIN)));
        reporterUser = users.userNamed("rep-" + s, Set.of(Role.REPORTER));
        reporter = client(reporterUser);
        handler = client(users.userNamed("thand-" + s, Set.of(Role.HANDLER)));
    }

    @Test
    void shipsTheNineSituationsInEnglishAndDutch() {
        JsonNode templates = reporter.get("/api/v1/report-templates").json();
        assertThat(templates.valueStream().map(t -> t.get("key").asString()))
                .contains(
                        "lost-device",
                        "clicked-link",
                        "password-exposed",
                        "suspicious-message",
                        "malware",
                        "misdirected-data",
                        "unauthorised-access",
                        "service-down",
                        "something-else");
        assertThat(templates.valueStream()).allSatisfy(t -> {
            assertThat(t.get("content").get("title").get("nl").asString()).isNotBlank();
            assertThat(t.get("content").get("tips").size()).isPositive();
        });
    }

    @Test
    void aReportThroughATemplateOpensAnIncidentAndAnswersWithTheTips() {
        ApiClient.Answer receipt = reporter.post(
                "/api/v1/reports",
                Map.of(
                        "template",
                        "clicked-link",
                        "language",
                        "nl",
                        "timeZone",
                        "Europe/Amsterdam",
                        "answers",
                        Map.of(
                                "what",
                                "credentials",
                                "when",
                                "2026-11-20T09:30",
                                "sender",
                                "IT helpdesk",
                                "details",
                                "A page asked for my password")));

        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        assertThat(receipt.json().get("reference").asString()).startsWith("INC-");
        assertThat(receipt.json().get("tips").get(0).asString()).contains("wachtwoord");
        String id = receipt.json().get("incident").asString();
        JsonNode incident = handler.get("/api/v1/incidents/" + id).json();
        assertThat(incident.get("category").get("rsitType").asString()).isEqualTo("phishing");
        assertThat(incident.get("title").asString())
                .isEqualTo("Ik heb op een verdachte link of bijlage geklikt: IT helpdesk");
        assertThat(incident.get("description").asString())
                .contains("Mijn wachtwoord of codes ingevuld")
                .as("a time as the reporter gave it, with their zone")
                .contains("2026-11-20 09:30 (Europe/Amsterdam)");
        JsonNode answers = handler.get("/api/v1/incidents/" + id + "/report").json();
        assertThat(answers.get(0).get("question").asString()).isEqualTo("Wat hebt u gedaan?");
        assertThat(answers.valueStream()
                        .filter(answer -> answer.get("key").asString().equals("when")))
                .singleElement()
                .satisfies(answer -> {
                    assertThat(answer.get("answer").asString())
                            .as("machines read UTC")
                            .isEqualTo("2026-11-20T08:30:00Z");
                    assertThat(answer.has("moment")).isFalse();
                });
    }

    @Test
    void missingRequiredAnswersAreEachNamedAndNothingIsStored() {
        long before =
                jdbc.sql("select count(*) from incident").query(Long.class).single();
        ApiClient.Answer refused = reporter.post(
                "/api/v1/reports",
                Map.of("template", "lost-device", "answers", Map.of("how", "misplaced", "colour", "red")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("answers.colour", "answers.device", "answers.when", "answers.how");
        assertThat(jdbc.sql("select count(*) from incident").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void aReporterPicksOneOfTheirOwnDevices() {
        String device = admin.post(
                        "/api/v1/devices",
                        Map.of(
                                "name",
                                "ThinkPad",
                                "kind",
                                "laptop",
                                "identifier",
                                "TP-" + s,
                                "holder",
                                reporterUser.id().toString()))
                .json()
                .get("id")
                .asString();
        String othersDevice = admin.post(
                        "/api/v1/devices", Map.of("name", "Other", "kind", "laptop", "identifier", "OT-" + s))
                .json()
                .get("id")
                .asString();
        Map<String, String> answers = Map.of("device", othersDevice, "when", "2026-11-21T18:00:00Z", "how", "stolen");

        ApiClient.Answer refused =
                reporter.post("/api/v1/reports", Map.of("template", "lost-device", "answers", answers));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("answers.device");

        ApiClient.Answer accepted = reporter.post(
                "/api/v1/reports",
                Map.of(
                        "template",
                        "lost-device",
                        "answers",
                        Map.of("device", device, "when", "2026-11-21T18:00:00Z", "how", "stolen")));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(reporter.get("/api/v1/incidents/"
                                + accepted.json().get("incident").asString())
                        .json()
                        .get("description")
                        .asString())
                .contains("ThinkPad (TP-" + s + ")");
    }

    @Test
    void editingATemplateNeverChangesReportsAlreadyMade() {
        String id = reporter.post(
                        "/api/v1/reports",
                        Map.of(
                                "template",
                                "something-else",
                                "answers",
                                Map.of("what", "A stranger in the server room")))
                .json()
                .get("incident")
                .asString();
        JsonNode template = admin.get("/api/v1/report-templates/something-else").json();
        ObjectNode content = (ObjectNode) template.get("content");
        ((ObjectNode) content.get("questions").get(0).get("label")).put("en", "Describe what you saw");

        ApiClient.Answer revised = admin.put(
                "/api/v1/report-templates/something-else",
                Map.of("content", content, "version", template.get("version").asLong()));

        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.json().get("revision").asInt())
                .isEqualTo(template.get("revision").asInt() + 1);
        assertThat(handler.get("/api/v1/incidents/" + id + "/report")
                        .json()
                        .get(0)
                        .get("question")
                        .asString())
                .isEqualTo("What happened?");
    }

    @Test
    void anAdminAddsRetiresAndReordersTemplates() {
        String key = "tailgating-" + s.substring(0, 6);
        Map<String, Object> content = Map.of(
                "title", Map.of("en", "Someone followed me in", "nl", "Iemand liep achter me aan naar binnen"),
                "summary", Map.of("en", "Tailgating at a door", "nl", "Meelopen bij een deur"),
                "defaults",
                        Map.of(
                                "category",
                                Map.of("rsitClass", "intrusions", "rsitType", "burglary"),
                                "impact",
                                "low",
                                "urgency",
                                "medium",
                                "confidential",
                                false),
                "questions",
                        List.of(Map.of(
                                "key",
                                "where",
                                "kind",
                                "text",
                                "required",
                                true,
                                "label",
                                Map.of("en", "Which door?", "nl", "Welke deur?"))),
                "tips", List.of(Map.of("en", "Do not confront them.", "nl", "Spreek ze niet aan.")));
        ApiClient.Answer added = admin.post("/api/v1/report-templates", Map.of("key", key, "content", content));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);

        ApiClient.Answer retired = admin.post(
                "/api/v1/report-templates/" + key + "/retirement",
                Map.of("retired", true, "version", added.json().get("version").asLong()));
        assertThat(retired.json().get("retired").asBoolean()).isTrue();
        assertThat(reporter.get("/api/v1/report-templates")
                        .json()
                        .valueStream()
                        .map(t -> t.get("key").asString()))
                .doesNotContain(key);
        assertThat(reporter.post("/api/v1/reports", Map.of("template", key, "answers", Map.of("where", "B")))
                        .status())
                .isEqualTo(400);

        List<String> keys = new java.util.ArrayList<>(admin.get("/api/v1/report-templates?includeRetired=true")
                .json()
                .valueStream()
                .map(t -> t.get("key").asString())
                .toList());
        java.util.Collections.reverse(keys);
        ApiClient.Answer reordered = admin.put("/api/v1/report-template-order", Map.of("keys", keys));
        assertThat(reordered.status()).isEqualTo(200);
        assertThat(reordered.json().get(0).get("key").asString()).isEqualTo(keys.get(0));
    }

    @Test
    void aBrokenTemplateIsRefusedWithEachProblemNamed() {
        Map<String, Object> content = Map.of(
                "title", Map.of("en", "Broken", "nl", "Kapot"),
                "summary", Map.of("en", "x", "nl", "x"),
                "defaults", Map.of("impact", "enormous", "confidential", false),
                "questions",
                        List.of(
                                Map.of(
                                        "key",
                                        "a",
                                        "kind",
                                        "choice",
                                        "required",
                                        true,
                                        "label",
                                        Map.of("en", "A", "nl", "A"),
                                        "options",
                                        List.of(Map.of("value", "only", "label", Map.of("en", "O", "nl", "O")))),
                                Map.of(
                                        "key",
                                        "a",
                                        "kind",
                                        "file",
                                        "required",
                                        true,
                                        "label",
                                        Map.of("en", "B", "nl", "B"))),
                "tips", List.of());
        ApiClient.Answer refused = admin.post(
                "/api/v1/report-templates", Map.of("key", "broken-" + s.substring(0, 5), "content", content));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder(
                        "questions[1].key", "questions[0].options", "questions[1].required", "defaults.impact");
    }

    @Test
    void onlyAdminsEditTemplates() {
        JsonNode template = reporter.get("/api/v1/report-templates/malware").json();
        assertThat(reporter.put(
                                "/api/v1/report-templates/malware",
                                Map.of(
                                        "content",
                                        template.get("content"),
                                        "version",
                                        template.get("version").asLong()))
                        .status())
                .isEqualTo(403);
        assertThat(reporter.get("/api/v1/report-templates?includeRetired=true").status())
                .isEqualTo(403);
    }
}
