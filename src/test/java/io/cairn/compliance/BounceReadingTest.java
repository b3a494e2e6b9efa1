package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Mails that come back to the sender of notices, as real mail servers write them: delivery status notifications of
 * Postfix and Exchange are bounces naming the returned mail; a delay is not yet one; an old qmail bounce is one by the
 * Message-ID it quotes; an out-of-office reply quoting the same Message-ID is none.
 */
class BounceReadingTest {

    private static Optional<BounceReading.Bounce> read(String file) throws Exception {
        try (InputStream in = BounceReadingTest.class.getResourceAsStream("/bounces/" + file)) {
            return BounceReading.read(new MimeMessage(Session.getInstance(new Properties()), in));
        }
    }

    @Test
    void aPostfixDeliveryStatusNotificationNamesTheReturnedMailAndTheReason() throws Exception {
        BounceReading.Bounce bounce = read("postfix-dsn.eml").orElseThrow();
        assertThat(bounce.messageIds()).containsExactly("<6f1c2a9e-1b7e-4a43-9c2e-0d3f5e7a8b91@cairn.test>");
        assertThat(bounce.reason())
                .isEqualTo("5.1.1 smtp; 550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown in"
                        + " virtual mailbox table");
    }

    @Test
    void anExchangeReportReturningTheWholeMailNamesItsMessageId() throws Exception {
        BounceReading.Bounce bounce = read("exchange-dsn.eml").orElseThrow();
        assertThat(bounce.messageIds()).containsExactly("<A1B2C3D4-0000-4000-8000-ABCDEFABCDEF@CAIRN.TEST>");
        assertThat(bounce.reason()).startsWith("5.2.2 smtp;554 5.2.2 mailbox full");
    }

    @Test
    void aDelayIsNoBounceYet() throws Exception {
        assertThat(read("delayed-dsn.eml")).isEmpty();
    }

    @Test
    void anOldBounceWithoutAReportIsOneByTheMessageIdItQuotes() throws Exception {
        BounceReading.Bounce bounce = read("qmail-bounce.eml").orElseThrow();
        assertThat(bounce.messageIds()).contains("<9e8d7c6b-5a49-4382-9170-fedcba987654@cairn.test>");
        assertThat(bounce.reason()).isEqualTo("failure notice");
    }

    @Test
    void anOutOfOfficeReplyIsNoBounceThoughItQuotesTheMessageId() throws Exception {
        assertThat(read("out-of-office.eml")).isEmpty();
    }
}
