package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.MailServers;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** Left alone, Cairn polls the mailbox and drains the outbox on its own schedule. */
@MailServers.Running
@TestPropertySource(properties = {"cairn.mail.intake.poll-interval=PT0.3S", "cairn.notification.drain-interval=PT0.3S"})
@DirtiesContext
class ScheduledMailIntakeTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailIsReportedAndAcknowledgedWithoutAnyoneAsking() throws Exception {
        MailServers.inbound().purgeEmailFromAllMailboxes();
        String sender = "scheduled-" + System.nanoTime() + "@example.org";
        MimeMessage mail = MailServers.newMail();
        mail.setFrom(new InternetAddress(sender));
        mail.setSubject("Nobody polled");
        mail.setText("Cairn should find this by itself.");

        MailServers.deliver(mail);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(MailServers.sentTo(sender)).hasSize(1));
        assertThat(jdbc.sql("select count(*) from intake_mail where sender = ?")
                        .param(sender)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
