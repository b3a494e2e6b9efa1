package io.cairn.compliance;

import io.cairn.shared.Language;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mails the notices whose sending started to their people, through Spring Mail ({@code spring.mail.*}) from {@code
 * cairn.mail.from}, as the notifications go out, at most {@code cairn.compliance.notice-rate} mails a second. Each
 * delivery is claimed in the database (with the Message-ID its mail carries) before the SMTP send and marked sent or
 * failed after; a claim older than {@code cairn.compliance.notice-lease} was left by a server that stopped between the
 * two, and becomes {@code unknown}: it is never sent again, a person checks it. Claims are taken a batch at a time
 * ({@code FOR UPDATE SKIP LOCKED}), so several nodes may send at once. Without {@code spring.mail.host} nothing is
 * sent: the people stay queued. A server that shuts down stops after the mail being sent and puts the rest of its
 * batch back in the queue.
 */
@Component
class NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);
    private static final int MAX_BATCH = 50;
    private static final JsonMapper json = JsonMapper.builder().build();

    /** The frozen text of a notice as the sender reads it. */
    record FrozenText(String organisation, Map<String, Map<String, String>> texts) {}

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final NoticeDeliveries deliveries;
    private final NoticeSending sending;
    private final NoticeSettings settings;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private long nextSlot = System.nanoTime();
    private volatile boolean stopping;

    NoticeSender(
            ObjectProvider<JavaMailSender> sender,
            @Value("${cairn.mail.from:cairn@localhost}") String from,
            NoticeDeliveries deliveries,
            NoticeSending sending,
            NoticeSettings settings,
            MessageSource messages,
            TransactionTemplate transactions,
            Clock clock) {
        this.sender = sender;
        this.from = from.trim();
        this.deliveries = deliveries;
        this.sending = sending;
        this.settings = settings;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${cairn.compliance.notice-send-delay:PT10S}",
            fixedDelayString = "${cairn.compliance.notice-send-interval:PT5S}")
    void scheduled() {
        sendWaiting();
    }

    /**
     * Marks the claims older than the lease unknown, sends every queued delivery of the notices whose sending
     * started, and records the notices that are done; how many mails went out.
     */
    synchronized int sendWaiting() {
        Instant started = clock.instant();
        deliveries.expireClaims(started.minus(settings.lease()));
        JavaMailSender mail = sender.getIfAvailable();
        int sent = 0;
        if (mail != null) {
            Map<UUID, FrozenText> texts = new HashMap<>();
            List<NoticeDeliveries.Claim> batch;
            while (!stopping && !(batch = deliveries.claim(batchSize(), domain(from), clock.instant())).isEmpty()) {
                sent += sendBatch(mail, batch, texts);
            }
        }
        for (NoticeDeliveries.Finished done : deliveries.finish(clock.instant())) {
            transactions.executeWithoutResult(status -> sending.finished(done));
        }
        return sent;
    }

    /**
     * Stops sending after the mail being sent, and waits until the rest of the batch is back in the queue: a server
     * that shuts down closes its database only after that.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        synchronized (this) {
            log.debug("notice sending stopped");
        }
    }

    /** Sends again after {@link #stop}, as a server that started anew. */
    void resume() {
        stopping = false;
    }

    private int sendBatch(JavaMailSender mail, List<NoticeDeliveries.Claim> batch, Map<UUID, FrozenText> texts) {
        int sent = 0;
        try (SmtpConnection smtp = new SmtpConnection(mail)) {
            for (int next = 0; next < batch.size(); next++) {
                if (stopping) {
                    release(batch.subList(next, batch.size()));
                    break;
                }
                NoticeDeliveries.Claim claim = batch.get(next);
                FrozenText text = texts.computeIfAbsent(claim.obligation(), obligation -> read(claim));
                sent += deliver(smtp, claim, text) ? 1 : 0;
            }
        }
        return sent;
    }

    /**
     * Puts the claims back in the queue, also when the scheduler that runs the sender interrupted it on shutdown (the
     * database refuses an interrupted thread its connections).
     */
    private void release(List<NoticeDeliveries.Claim> claims) {
        boolean interrupted = Thread.interrupted();
        try {
            deliveries.release(claims);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sends one claimed delivery and marks it sent or failed; whether it went out. */
    private boolean deliver(SmtpConnection smtp, NoticeDeliveries.Claim claim, FrozenText text) {
        Language language = Objects.requireNonNull(NoticeCsv.language(claim.language()));
        NoticeTemplate.Rendered rendered = NoticeTemplate.render(
                language,
                claim.name(),
                text.organisation(),
                text.texts().getOrDefault(language.code(), Map.of()),
                messages);
        pace();
        try {
            MimeMessage mime = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(claim.email());
            helper.setSubject(rendered.subject());
            helper.setText(rendered.body(), false);
            mime.setHeader("Auto-Submitted", "auto-generated");
            smtp.send(mime, claim.messageId());
        } catch (MessagingException | MailException e) {
            log.warn("the notice {} to a person could not be sent: {}", claim.messageId(), e.getMessage());
            deliveries.failed(claim, e.getMessage());
            return false;
        }
        deliveries.sent(claim, clock.instant());
        return true;
    }

    /**
     * One SMTP connection for the mails of a batch, opened for the first mail and again after a mail that failed
     * (which closes it), as Spring's {@link JavaMailSenderImpl} opens one for each {@code send}; each mail is accepted
     * or refused by the mail server on its own. A {@link JavaMailSender} of another kind sends each mail itself.
     */
    private static final class SmtpConnection implements AutoCloseable {

        private final JavaMailSender mail;
        private @Nullable Transport transport;

        SmtpConnection(JavaMailSender mail) {
            this.mail = mail;
        }

        MimeMessage createMimeMessage() {
            return mail.createMimeMessage();
        }

        /** Sends the mail with the Message-ID, once the mail server accepted it; a refusal closes the connection. */
        void send(MimeMessage mime, String messageId) throws MessagingException {
            if (!(mail instanceof JavaMailSenderImpl impl)) {
                mime.setHeader("Message-ID", messageId);
                mail.send(mime);
                return;
            }
            try {
                // not isConnected(): SMTP's asks the server (NOOP) each time; any failure closes the connection
                Transport open = transport != null ? transport : connect(impl);
                transport = open;
                mime.setSentDate(new java.util.Date());
                // saveChanges gives the mail a Message-ID of its own: the claimed one is set after it
                mime.saveChanges();
                mime.setHeader("Message-ID", messageId);
                open.sendMessage(mime, mime.getAllRecipients());
            } catch (MessagingException e) {
                close();
                throw e;
            }
        }

        /** Connects as {@link JavaMailSenderImpl} does: its session, protocol, host, port and credentials. */
        private static Transport connect(JavaMailSenderImpl impl) throws MessagingException {
            String username = impl.getUsername();
            String password = impl.getPassword();
            if ("".equals(username)) {
                username = null;
                password = "".equals(password) ? null : password;
            }
            String protocol = impl.getProtocol() != null
                    ? impl.getProtocol()
                    : impl.getSession().getProperty("mail.transport.protocol");
            Transport transport = impl.getSession().getTransport(protocol == null ? "smtp" : protocol);
            transport.connect(impl.getHost(), impl.getPort(), username, password);
            return transport;
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    log.debug("closing the SMTP connection: {}", e.getMessage());
                }
                transport = null;
            }
        }
    }

    /** Waits for the next slot of the rate: at most {@code notice-rate} mails a second, none when it is 0. */
    private void pace() {
        if (settings.noticeRate() == 0) {
            return;
        }
        long now = System.nanoTime();
        long wait = nextSlot - now;
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                // the server shuts down: this mail is sent, the rest go back in the queue
                stopping = true;
                Thread.currentThread().interrupt();
            }
        }
        nextSlot = Math.max(now, nextSlot) + 1_000_000_000L / settings.noticeRate();
    }

    /** A batch that takes about a second at the rate, so that its claims are young when their mails go out. */
    private int batchSize() {
        return settings.noticeRate() == 0 ? MAX_BATCH : Math.max(1, Math.min(MAX_BATCH, settings.noticeRate()));
    }

    private FrozenText read(NoticeDeliveries.Claim claim) {
        byte[] content = deliveries
                .frozen(claim.obligation(), claim.stage())
                .orElseThrow()
                .content();
        return json.readValue(content, new TypeReference<FrozenText>() {});
    }

    private static String domain(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return domain.isEmpty() ? "cairn.invalid" : domain;
    }
}
