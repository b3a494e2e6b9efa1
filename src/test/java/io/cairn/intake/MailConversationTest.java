package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.MailServers;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.notification.NotificationManagement;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
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
 * A person without an account who reported by mail is asked the handlers' questions by mail, in the language they
 * wrote in, and their answer by mail reaches the incident's owner.
 */
@MailServers.Running
class MailConversationTest extends ApiClient.OnServer {

    @Autowired
    MailboxPoller poller;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    JdbcClient jdbc;

    String run;
    TestUsers.TestUser owner;
    String ownerAddress;

    @BeforeEach
    void setUp() throws Exception {
        MailServers.inbound().purgeEmailFromAllMailboxes();
        run = Long.toString(System.nanoTime(), 36);
        ownerAddress = "mc-owner-" + run + "@example.org";
        owner = users.userNamed("mc-owner-" + run, ownerAddress, Set.of(Role.HANDLER));
    }

    @AfterEach
    void anEmptyOutbox() {
        while (notifications.deliverDue().delivered() > 0) {
            // each round sends at most a batch
        }
    }

    private void mail(String from, String subject, String text) throws MessagingException {
        MimeMessage mail = MailServers.newMail();
        mail.setFrom(new InternetAddress(from));
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        mail.setHeader("Content-Language", "nl");
        MailServers.deliver(mail);
        MailboxPoller.Poll poll = poller.poll();
        assertThat(poll.failed()).as("no mail failed").isZero();
    }

    private static List<MimeMessage> sentTo(String address, String subjectPart) {
        return MailServers.sentTo(address).stream()
                .filter(mail -> {
                    try {
                        return mail.getSubject().contains(subjectPart);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void theQuestionIsMailedWithoutTheCodeAndTheAnswerByMailReachesTheOwner() throws Exception {
        String sender = "mc-sender-" + run + "@example.org";
        mail(sender, "Verdachte bijlage " + run, "Ik heb de bijlage geopend.");
        ApiClient handler = client(owner);
        String id = jdbc.sql("select incident_id::text from intake_mail where sender = ?")
                .param(sender)
                .query(String.class)
                .single();
        JsonNode incident = handler.get("/api/v1/incidents/" + id).json();
        String reference = incident.get("reference").asString();
        assertThat(handler.post(
                                "/api/v1/incidents/" + id + "/assign",
                                Map.of(
                                        "owner",
                                        owner.id().toString(),
                                        "version",
                                        incident.get("version").asLong()))
                        .status())
                .isEqualTo(200);

        assertThat(handler.post("/api/v1/incidents/" + id + "/questions", Map.of("text", "Welke bijlage was het?"))
                        .status())
                .isEqualTo(201);
        notifications.deliverDue();

        List<MimeMessage> questions = sentTo(sender, "vraag");
        assertThat(questions)
                .extracting(MimeMessage::getSubject)
                .containsExactly(reference + ": het securityteam heeft een vraag over uw melding");
        String body = questions.get(0).getContent().toString().replace("\r\n", "\n");
        assertThat(body)
                .contains("Welke bijlage was het?")
                .contains("https://cairn.test/follow-up\n")
                .as("a code is never sent again")
                .doesNotContainPattern("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}");

        mail(sender, "Re: " + questions.get(0).getSubject(), "Het was factuur.pdf");
        notifications.deliverDue();

        JsonNode timeline = handler.get("/api/v1/incidents/" + id + "/timeline").json();
        assertThat(timeline.get(timeline.size() - 1).get("kind").asString()).isEqualTo("reporter-replied");
        assertThat(sentTo(ownerAddress, reference))
                .extracting(MimeMessage::getSubject)
                .containsExactly(reference + ": the reporter answered");
        assertThat(client(owner)
                        .get("/api/v1/notifications")
                        .json()
                        .valueStream()
                        .filter(message -> message.get("subject").asString().startsWith(reference + ":")))
                .singleElement()
                .satisfies(message -> assertThat(message.get("link").asString()).isEqualTo("/incidents/" + id));
    }
}
