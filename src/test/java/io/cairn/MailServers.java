package io.cairn;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Real mail servers for tests, shared by every test in the JVM: an inbound GreenMail (SMTP to deliver into the intake
 * mailbox, IMAP for Cairn to poll) and an outbound GreenMail (SMTP that Cairn sends through, which a test can stop
 * and start again on the same port), each on free loopback ports.
 */
public final class MailServers {

    /**
     * A {@link ServerTest} with mail: Cairn polls the intake mailbox of these servers and sends through its outbound
     * server. Polling, the outbox and the pulls of federation feeds wait an hour on their own, so tests call them directly; a failed delivery is tried
     * again after 0.2 s, 0.4 s, and dead-lettered at the third attempt. Attachments above 64 KB are not kept.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ServerTest
    @ContextConfiguration(initializers = Initializer.class)
    @TestPropertySource(
            properties = {
                "cairn.base-url=https://cairn.test",
                "cairn.mail.from=" + CAIRN_ADDRESS,
                "cairn.mail.intake.enabled=true",
                "cairn.mail.intake.protocol=imap",
                "cairn.mail.intake.poll-interval=PT1H",
                "cairn.notification.drain-interval=PT1H",
                "cairn.notification.max-attempts=3",
                "cairn.notification.first-retry-delay=PT0.2S",
                "cairn.intake.max-attachment-size=64KB",
                "cairn.compliance.bounces.enabled=true",
                "cairn.compliance.bounces.protocol=imap",
                "cairn.compliance.bounces.poll-interval=PT1H",
                // only the tests catch up: a scheduled round (15 s after start) read a test's feed before its admin did
                "cairn.federation.pull-start-delay=PT1H"
            })
    public @interface Running {}

    public static final String MAILBOX = "security@cairn.test";
    public static final String MAILBOX_LOGIN = "security";
    public static final String MAILBOX_PASSWORD = "mailbox-secret-1";
    public static final String CAIRN_ADDRESS = "cairn@cairn.test";
    /** The mailbox of {@link #CAIRN_ADDRESS}, where bounces of what Cairn sends come back. */
    public static final String BOUNCES_LOGIN = "cairn";

    public static final String BOUNCES_PASSWORD = "bounces-secret-1";

    private static GreenMail inbound;
    private static GreenMail outbound;
    private static int outboundPort;

    private MailServers() {}

    /** The server whose IMAP mailbox Cairn polls. */
    public static synchronized GreenMail inbound() {
        if (inbound == null) {
            inbound = new GreenMail(new ServerSetup[] {
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
            inbound.setUser(MAILBOX, MAILBOX_LOGIN, MAILBOX_PASSWORD);
            inbound.setUser(CAIRN_ADDRESS, BOUNCES_LOGIN, BOUNCES_PASSWORD);
            inbound.start();
        }
        return inbound;
    }

    /** The server Cairn sends mail through. */
    public static synchronized GreenMail outbound() {
        if (outbound == null) {
            outboundPort = freePort();
            outbound = new GreenMail(new ServerSetup(outboundPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            outbound.start();
        }
        return outbound;
    }

    /** Stops the outbound SMTP server: Cairn's connections are refused until it starts again. */
    public static synchronized void stopOutbound() {
        outbound().stop();
    }

    /** Starts the outbound SMTP server again, on the same port. */
    public static synchronized void startOutbound() {
        if (!outbound().isRunning()) {
            outbound.start();
        }
    }

    /** The mails the outbound server received for this address. */
    public static List<MimeMessage> sentTo(String address) {
        return Arrays.stream(outbound().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(recipient -> recipient
                                        .toString()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .contains(address.toLowerCase(java.util.Locale.ROOT)));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** A new mail for the intake mailbox, to fill in and {@link #deliver}. */
    public static MimeMessage newMail() {
        return new MimeMessage(session());
    }

    /**
     * A new mail that keeps the Message-ID it is given (a sending client replaces it otherwise), or goes without one
     * when given none.
     */
    public static MimeMessage newMail(String messageId) {
        return new MimeMessage(session()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (messageId.isEmpty()) {
                    removeHeader("Message-ID");
                } else {
                    setHeader("Message-ID", messageId);
                }
            }
        };
    }

    /** Delivers a mail as it was written (its Message-ID kept) to whom it is addressed, through the inbound server. */
    public static void deliverAsWritten(String raw) {
        try {
            MimeMessage mail =
                    new MimeMessage(
                            session(),
                            new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                        @Override
                        protected void updateMessageID() {
                            // kept as written
                        }
                    };
            GreenMailUtil.sendMimeMessage(mail);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers the mail into the intake mailbox through the inbound SMTP server. */
    public static void deliver(MimeMessage mail) {
        try {
            mail.setRecipients(jakarta.mail.Message.RecipientType.TO, MAILBOX);
            GreenMailUtil.sendMimeMessage(mail);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Session session() {
        return GreenMailUtil.getSession(inbound().getSmtp().getServerSetup());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points Cairn at these servers. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            GreenMail in = inbound();
            outbound();
            TestPropertyValues.of(
                            "spring.mail.host=127.0.0.1",
                            "spring.mail.port=" + outboundPort,
                            "cairn.mail.intake.host=127.0.0.1",
                            "cairn.mail.intake.port=" + in.getImap().getPort(),
                            "cairn.mail.intake.username=" + MAILBOX_LOGIN,
                            "cairn.mail.intake.password=" + MAILBOX_PASSWORD,
                            "cairn.compliance.bounces.host=127.0.0.1",
                            "cairn.compliance.bounces.port=" + in.getImap().getPort(),
                            "cairn.compliance.bounces.username=" + BOUNCES_LOGIN,
                            "cairn.compliance.bounces.password=" + BOUNCES_PASSWORD)
                    .applyTo(context);
        }
    }
}
