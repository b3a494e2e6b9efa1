package io.cairn.compliance;

import static io.cairn.compliance.ObligationServerTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.MailServers;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Bounces of notices come back to the mailbox of the address they were sent from, through a real IMAP server: a
 * Postfix delivery status notification marks its person's delivery bounced with the mail server's reason, in the
 * counts and the list; a delay and an out-of-office reply to another person change nothing; reading again records
 * nothing twice.
 */
@MailServers.Running
class NoticeBounceServerTest extends ApiClient.OnServer {

    @Autowired
    NoticeSender sender;

    @Autowired
    NoticeBounces bounces;

    @Test
    void aBounceMarksItsPersonsDeliveryBouncedWithTheReasonAndADelayOrAnAutoReplyDoNot() throws Exception {
        String s = Long.toString(System.nanoTime(), 36);
        ApiClient admin = client(users.user("nbs-admin-" + s, Set.of(Role.ADMIN)));
        TestUser officerUser = users.user("nbs-dpo-" + s, Set.of(Role.PRIVACY_OFFICER, Role.COORDINATOR));
        ApiClient officer = client(officerUser);
        String entity = ComplianceFixture.legalEntity(admin, "Bounces " + s, "important", officerUser.id());
        String unit = ComplianceFixture.businessUnit(admin, "Unit " + s, entity);
        String incident = officer.post(
                        "/api/v1/incidents", body("title", "Leak " + s, "description", "records", "businessUnit", unit))
                .json()
                .path("id")
                .asString();
        String notice = NoticeServerTest.highRisk(
                officer, incident, Instant.now().minus(Duration.ofHours(1)).toString())[1];
        String gone = "gone-" + s + "@example.org";
        String away = "away-" + s + "@example.org";
        String slow = "slow-" + s + "@example.org";
        String csv = "name,e-mail,language\nGone," + gone + ",en\nAway," + away + ",nl\nSlow," + slow + ",en\n";
        assertThat(NoticeServerTest.upload(officer, notice, "", csv).status()).isEqualTo(200);
        long version = officer.get(notice + "/text").json().path("version").asLong();
        assertThat(officer.post(notice + "/send", Map.of("version", version)).status())
                .isEqualTo(200);
        sender.sendWaiting();

        MailServers.deliverAsWritten(
                returned("postfix-dsn.eml", "<6f1c2a9e-1b7e-4a43-9c2e-0d3f5e7a8b91@cairn.test>", gone));
        MailServers.deliverAsWritten(
                returned("out-of-office.eml", "<6f1c2a9e-1b7e-4a43-9c2e-0d3f5e7a8b91@cairn.test>", away));
        MailServers.deliverAsWritten(
                returned("delayed-dsn.eml", "<0a0b0c0d-1111-4222-8333-444455556666@cairn.test>", slow));
        NoticeBounces.Poll poll = bounces.poll();

        assertThat(poll.polled()).isTrue();
        assertThat(poll.deliveries()).isEqualTo(1);
        JsonNode counts = officer.get(notice).json().path("counts");
        assertThat(counts.path("bounced").asInt()).isEqualTo(1);
        assertThat(counts.path("sent").asInt()).isEqualTo(2);
        JsonNode bounced = officer.get(notice + "/people")
                .json()
                .valueStream()
                .filter(person -> person.path("email").asString().equals(gone))
                .findFirst()
                .orElseThrow();
        assertThat(bounced.path("status").asString()).isEqualTo("bounced");
        assertThat(bounced.path("error").asString()).contains("5.1.1", "User unknown");
        assertThat(bounces.poll().deliveries()).isZero();
    }

    /** The mail server's answer of the file, returning the mail sent to the address (its Message-ID in place). */
    private static String returned(String file, String placeholder, String address)
            throws IOException, MessagingException {
        MimeMessage sent = MailServers.sentTo(address).get(0);
        try (InputStream in = NoticeBounceServerTest.class.getResourceAsStream("/bounces/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(placeholder, sent.getMessageID())
                    .replace("\n", "\r\n");
        }
    }
}
