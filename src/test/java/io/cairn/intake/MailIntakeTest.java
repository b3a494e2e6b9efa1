package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.MailServers;
import io.cairn.MailTest;
import io.cairn.identity.IdentityFixtures;
import io.cairn.identity.Role;
import io.cairn.notification.NotificationManagement;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Mail to the security mailbox becomes a report, exactly once, and the sender is told its reference. */
@MailTest
class MailIntakeTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailboxPoller poller;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    DataSource dataSource;

    ApiClient handler;
    IdentityFixtures fixtures;
    String run;

    @BeforeEach
    void setUp() throws Exception {
        MailServers.inbound().purgeEmailFromAllMailboxes();
        fixtures = new IdentityFixtures(context);
        run = Long.toString(System.nanoTime(), 36);
        handler = new ApiClient(port, fixtures.user("mh-" + run, Set.of(Role.HANDLER, Role.COORDINATOR)).token());
    }

    // --- mails ---------------------------------------------------------------------------------------------------

    private MimeMessage textMail(String from, String subject, String text) throws MessagingException {
        MimeMessage mail = MailServers.newMail();
        mail.setFrom(new InternetAddress(from));
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        return mail;
    }

    private MimeMessage mailWithAttachment(String from, String subject, String text, String filename, byte[] content,
            String declaredType) throws MessagingException {
        MimeMessage mail = MailServers.newMail();
        mail.setFrom(new InternetAddress(from));
        mail.setSubject(subject, "UTF-8");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, declaredType)));
        file.setFileName(filename);
        file.setDisposition(MimeBodyPart.ATTACHMENT);
        file.setHeader("Content-Transfer-Encoding", "base64");
        mail.setContent(new MimeMultipart(body, file));
        return mail;
    }

    private MailboxPoller.Poll poll() {
        MailboxPoller.Poll poll = poller.poll();
        assertThat(poll.polled()).as("the poll ran").isTrue();
        assertThat(poll.failed()).as("no mail failed").isZero();
        return poll;
    }

    // --- reading back --------------------------------------------------------------------------------------------

    private List<JsonNode> incidentsTitled(String words) {
        ApiClient.Answer found = handler.get("/api/v1/incidents?size=50&q=" + words.replace(' ', '+'));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        List<JsonNode> items = new java.util.ArrayList<>();
        found.json().get("items").forEach(items::add);
        return items;
    }

    private JsonNode onlyIncidentTitled(String words) {
        List<JsonNode> found = incidentsTitled(words);
        assertThat(found).as("incidents titled " + words).hasSize(1);
        return handler.get("/api/v1/incidents/" + found.get(0).get("id").asString()).json();
    }

    private MimeMessage onlyAcknowledgementTo(String address) {
        notifications.deliverDue();
        List<MimeMessage> sent = MailServers.sentTo(address);
        assertThat(sent).as("acknowledgements to " + address).hasSize(1);
        return sent.get(0);
    }

    private static String text(MimeMessage mail) throws IOException, MessagingException {
        return mail.getContent().toString().replace("\r\n", "\n");
    }

    // --- tests ---------------------------------------------------------------------------------------------------

    @Test
    void aMailBecomesAnIncidentWithItsAttachmentAndTheSenderGetsTheReferenceByMail() throws Exception {
        String sender = "walter-" + run + "@example.org";
        byte[] pdf = "%PDF-1.7\nnot really a document".getBytes(StandardCharsets.US_ASCII);
        MailServers.deliver(mailWithAttachment(sender, "Strange invoice " + run, "I opened the attached invoice.",
                "invoice.pdf", pdf, "application/pdf"));

        assertThat(poll().reported()).isEqualTo(1);

        JsonNode incident = onlyIncidentTitled("Strange invoice " + run);
        assertThat(incident.get("title").asString()).isEqualTo("Strange invoice " + run);
        assertThat(incident.get("description").asString()).startsWith("I opened the attached invoice.")
                .contains("Reported by e-mail from " + sender).contains("invoice.pdf");
        assertThat(incident.get("reporter").isNull()).isTrue();
        String id = incident.get("id").asString();
        JsonNode attachments = handler.get("/api/v1/incidents/" + id + "/attachments").json();
        assertThat(attachments.size()).isEqualTo(1);
        JsonNode attachment = attachments.get(0);
        assertThat(attachment.get("filename").asString()).isEqualTo("invoice.pdf");
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(attachment.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(attachment.get("sha256").asString()).isEqualTo(io.cairn.shared.ContentDigest.of(pdf).hex());
        ApiClient.Answer download = handler.get("/api/v1/incidents/" + id + "/attachments/"
                + attachment.get("id").asString());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(download.header("Content-Disposition")).contains("attachment").contains("invoice.pdf");
        assertThat(download.body()).isEqualTo(new String(pdf, StandardCharsets.US_ASCII));

        MimeMessage acknowledgement = onlyAcknowledgementTo(sender);
        String reference = incident.get("reference").asString();
        assertThat(acknowledgement.getSubject()).contains(reference);
        assertThat(acknowledgement.getFrom()[0].toString()).isEqualTo(MailServers.CAIRN_ADDRESS);
        assertThat(acknowledgement.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        String body = text(acknowledgement);
        assertThat(body).contains(reference).contains("https://cairn.test/follow-up\n")
                .containsPattern("\\n\\s+[A-Z2-9]{4}(-[A-Z2-9]{4}){4}\\n");
        String code = body.replaceAll("(?s).*\\n\\s+([A-Z2-9]{4}(-[A-Z2-9]{4}){4})\\n.*", "$1");
        ApiClient.Answer followUp = new ApiClient(port, null).post("/api/v1/public/follow-up",
                java.util.Map.of("code", code));
        assertThat(followUp.status()).as(followUp.toString()).isEqualTo(200);
        assertThat(followUp.json().get("reference").asString()).isEqualTo(reference);
    }

    @Test
    void aKnownSenderBecomesTheReporterAndIsSentTheLinkToTheirReportPage() throws Exception {
        String address = "Rita-" + run + "@Example.org";
        var rita = fixtures.user("rita-" + run, address.toLowerCase(), Set.of(Role.REPORTER));
        MailServers.deliver(textMail(address, "Lost my phone " + run, "Left it on the train."));

        poll();

        JsonNode incident = onlyIncidentTitled("Lost my phone " + run);
        assertThat(incident.get("reporter").asString()).isEqualTo(rita.id().toString());
        assertThat(incident.get("description").asString()).isEqualTo("Left it on the train.");
        ApiClient.Answer mine = new ApiClient(port, rita.token()).get("/api/v1/me/reports/"
                + incident.get("id").asString());
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        String body = text(onlyAcknowledgementTo(address.toLowerCase()));
        assertThat(body).contains("https://cairn.test/reports/" + incident.get("id").asString())
                .doesNotContain("follow-up code");
        assertThat(jdbc.sql("select count(*) from intake_follow_up where incident_id = ?::uuid")
                .param(incident.get("id").asString()).query(Long.class).single()).isZero();
    }
}
