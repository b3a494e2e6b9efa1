package io.cairn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.MailServers;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The reporter is told when the handlers ask a question, and the handlers when the reporter answers: in the in-app
 * inbox and by mail, each in their own language, with a link to the report or the incident, and never twice.
 */
@MailServers.Running
class ConversationNotificationTest extends ApiClient.OnServer {

    @Autowired
    NotificationManagement notifications;

    @Autowired
    JdbcClient jdbc;

    String run;
    TestUsers.TestUser owner;
    ApiClient handler;
    String ownerAddress;

    @BeforeEach
    void setUp() {
        run = Long.toString(System.nanoTime(), 36);
        ownerAddress = "cn-owner-" + run + "@example.org";
        owner = users.userNamed("cn-owner-" + run, ownerAddress, Set.of(Role.HANDLER));
        handler = client(owner);
    }

    @AfterEach
    void anEmptyOutbox() {
        while (notifications.deliverDue().delivered() > 0) {
            // each round sends at most a batch
        }
    }

    private TestUsers.TestUser reporter(String name, String language) {
        TestUsers.TestUser reporter = users.userNamed(name + "-" + run, address(name), Set.of(Role.REPORTER));
        ApiClient.Answer chosen = client(reporter).put("/api/v1/me", Map.of("language", language));
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        return reporter;
    }

    private String address(String name) {
        return name + "-" + run + "@example.org";
    }

    private JsonNode report(TestUsers.TestUser reporter, String title) {
        ApiClient.Answer created = client(reporter)
                .post("/api/v1/incidents", Map.of("title", title + " " + run, "description", "Something odd happened"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private void ask(JsonNode incident, String question) {
        ApiClient.Answer asked = handler.post(
                "/api/v1/incidents/" + incident.get("id").asString() + "/questions", Map.of("text", question));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
    }

    private void assign(JsonNode incident, Map<String, Object> assignment) {
        JsonNode current = handler.get("/api/v1/incidents/" + incident.get("id").asString())
                .json();
        Map<String, Object> body = new java.util.HashMap<>(assignment);
        body.put("version", current.get("version").asLong());
        ApiClient.Answer assigned =
                handler.post("/api/v1/incidents/" + incident.get("id").asString() + "/assign", body);
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
    }

    private static List<JsonNode> inbox(ApiClient client) {
        ApiClient.Answer inbox = client.get("/api/v1/notifications");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        List<JsonNode> messages = new java.util.ArrayList<>();
        inbox.json().forEach(messages::add);
        return messages;
    }

    private static String text(MimeMessage mail) throws Exception {
        return mail.getContent().toString().replace("\r\n", "\n");
    }

    @Test
    void aQuestionReachesTheReporterInTheirLanguageByMailAndInTheInboxOnce() throws Exception {
        TestUsers.TestUser reporter = reporter("cn-anna", "nl");
        JsonNode incident = report(reporter, "Odd login prompt");
        String reference = incident.get("reference").asString();
        String id = incident.get("id").asString();

        ask(incident, "Which browser did you use?");
        notifications.deliverDue();
        notifications.deliverDue();

        List<MimeMessage> mails = MailServers.sentTo(address("cn-anna"));
        assertThat(mails)
                .extracting(MimeMessage::getSubject)
                .as("one mail, in Dutch")
                .containsExactly(reference + ": het securityteam heeft een vraag over uw melding");
        assertThat(text(mails.get(0)))
                .contains("Which browser did you use?")
                .contains("https://cairn.test/reports/" + id + "\n")
                .contains("Beantwoord de vraag");
        List<JsonNode> messages = inbox(client(reporter));
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("subject").asString())
                .as("the inbox speaks the reporter's language unless asked for another")
                .isEqualTo(reference + ": het securityteam heeft een vraag over uw melding");
        assertThat(messages.get(0).get("link").asString()).isEqualTo("/reports/" + id);
        assertThat(client(reporter)
                        .get("/api/v1/notifications?language=en")
                        .json()
                        .get(0)
                        .get("subject")
                        .asString())
                .isEqualTo(reference + ": the security team has a question about your report");
        assertThat(MailServers.sentTo(ownerAddress))
                .extracting(MimeMessage::getSubject)
                .as("the handler who asked is not told of their own question")
                .noneMatch(subject -> subject.startsWith(reference + ":"));
    }

    @Test
    void anAnswerReachesTheOwnerByMailAndInTheInboxWithTheLinkToTheIncident() throws Exception {
        TestUsers.TestUser reporter = reporter("cn-bert", "en");
        JsonNode incident = report(reporter, "Phone lost");
        String reference = incident.get("reference").asString();
        String id = incident.get("id").asString();
        assign(incident, Map.of("owner", owner.id().toString()));
        client(owner).put("/api/v1/me", Map.of("language", "nl"));
        ask(incident, "Was it locked?");

        ApiClient.Answer replied =
                client(reporter).post("/api/v1/me/reports/" + id + "/replies", Map.of("text", "Yes, with a PIN"));
        assertThat(replied.status()).as(replied.toString()).isIn(200, 201);
        notifications.deliverDue();

        List<MimeMessage> toOwner = MailServers.sentTo(ownerAddress);
        assertThat(toOwner)
                .extracting(MimeMessage::getSubject)
                .as("once, in the owner's language")
                .containsExactly(reference + ": de melder heeft geantwoord");
        assertThat(text(toOwner.get(0)))
                .contains("https://cairn.test/incidents/" + id + "\n")
                .as("the answer itself stays in Cairn")
                .doesNotContain("Yes, with a PIN");
        assertThat(inbox(handler)).anySatisfy(message -> {
            assertThat(message.get("subject").asString()).isEqualTo(reference + ": de melder heeft geantwoord");
            assertThat(message.get("link").asString()).isEqualTo("/incidents/" + id);
        });
        assertThat(MailServers.sentTo(address("cn-bert")))
                .extracting(MimeMessage::getSubject)
                .as("the reporter is told of the question, not of their own answer")
                .containsExactly(reference + ": the security team has a question about your report");
    }

    @Test
    void whileNobodyOwnsTheIncidentItsTeamsHandlersAreToldAndOthersAreNot() {
        TeamId team = users.team("cn-team");
        String memberAddress = "cn-member-" + run + "@example.org";
        String outsiderAddress = "cn-outsider-" + run + "@example.org";
        users.userNamed("cn-member-" + run, memberAddress, Set.of(Role.HANDLER));
        users.userNamed("cn-outsider-" + run, outsiderAddress, Set.of(Role.HANDLER));
        jdbc.sql("insert into team_member (user_id, team_id) select id, ? from app_user where username = ?")
                .params(team.value(), "cn-member-" + run)
                .update();
        ApiClient anonymous = new ApiClient(port, null);
        ApiClient.Answer receipt = anonymous.post(
                "/api/v1/public/reports",
                Map.of("template", "something-else", "answers", Map.of("what", "Strange USB stick " + run)));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        String reference = receipt.json().get("reference").asString();
        JsonNode incident = handler.get("/api/v1/incidents?q=" + reference)
                .json()
                .get("items")
                .get(0);
        assign(incident, Map.of("team", team.toString()));

        ApiClient.Answer replied = anonymous.post(
                "/api/v1/public/follow-up/replies",
                Map.of("code", receipt.json().get("followUpCode").asString(), "text", "It was in the car park"));
        assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
        notifications.deliverDue();

        assertThat(MailServers.sentTo(memberAddress))
                .extracting(MimeMessage::getSubject)
                .containsExactly(reference + ": the reporter answered");
        assertThat(MailServers.sentTo(outsiderAddress)).isEmpty();
    }

    @Test
    void aReporterWithoutAccountOrAddressIsToldNothingAndSeesTheQuestionWithTheirCode() {
        ApiClient anonymous = new ApiClient(port, null);
        ApiClient.Answer receipt = anonymous.post(
                "/api/v1/public/reports",
                Map.of("template", "something-else", "answers", Map.of("what", "Odd caller " + run)));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        JsonNode incident = handler.get(
                        "/api/v1/incidents?q=" + receipt.json().get("reference").asString())
                .json()
                .get("items")
                .get(0);

        ask(incident, "What number did they call from?");

        assertThat(jdbc.sql("select count(*) from notification_outbox where dedup_key like ?")
                        .param("reporter-asked:" + incident.get("id").asString() + ":%")
                        .query(Long.class)
                        .single())
                .as("nothing to send")
                .isZero();
        JsonNode followUp = anonymous
                .post(
                        "/api/v1/public/follow-up",
                        Map.of("code", receipt.json().get("followUpCode").asString()))
                .json();
        assertThat(followUp.toString()).contains("What number did they call from?");
    }
}
