package io.cairn.intake;

import io.cairn.shared.AdvisoryLock;
import io.cairn.shared.Mailbox;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the intake mailbox and reports each new mail, one transaction per mail.
 *
 * <p>Nothing is lost and nothing is reported twice, even when Cairn stops half-way: a mail is recorded by its key in
 * the transaction of its incident, and only after that commits is it flagged {@code \Seen} and
 * {@value #PROCESSED} in the mailbox. A mail that is recorded but was not flagged (Cairn stopped in between) is only
 * flagged at the next poll. Only one node polls at a time: the poll holds a PostgreSQL advisory lock.
 */
@Component
class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    /** The IMAP keyword that marks a mail as reported; servers without keywords get only {@code \Seen}. */
    static final String PROCESSED = "CairnProcessed";

    /** The advisory lock that one polling node holds: "cairn-mail-intake" in a 64-bit number. */
    private static final long LOCK = 0x636169726e4d4149L;

    private final MailIntakeSettings settings;
    private final MailReader reader;
    private final MailIntake intake;
    private final DataSource dataSource;

    MailboxPoller(MailIntakeSettings settings, MailReader reader, MailIntake intake, DataSource dataSource) {
        this.settings = settings;
        this.reader = reader;
        this.intake = intake;
        this.dataSource = dataSource;
    }

    /**
     * What one poll did.
     *
     * @param polled false when another node held the lock, intake is disabled, or the mailbox could not be reached
     * @param reported mails that became incidents, or replies in the conversation of one
     * @param alreadyReported mails that were reported before and are now only flagged
     * @param failed mails that could not be read or reported; they are tried again at the next poll
     */
    record Poll(boolean polled, int reported, int alreadyReported, int failed) {

        static final Poll SKIPPED = new Poll(false, 0, 0, 0);
    }

    @Scheduled(
            fixedDelayString = "${cairn.mail.intake.poll-interval:PT1M}",
            initialDelayString = "${cairn.mail.intake.poll-interval:PT1M}")
    void pollOnSchedule() {
        if (settings.enabled()) {
            Poll poll = poll(Integer.MAX_VALUE);
            if (poll.reported() + poll.alreadyReported() + poll.failed() > 0) {
                log.info(
                        "Mail intake: {} reported, {} flagged that were reported before, {} failed",
                        poll.reported(),
                        poll.alreadyReported(),
                        poll.failed());
            }
        }
    }

    /** Polls now and handles every new mail. */
    Poll poll() {
        return poll(Integer.MAX_VALUE);
    }

    /** Polls now and handles at most this many mails, as a node does that stops half-way through the mailbox. */
    Poll poll(int mostMails) {
        try {
            return AdvisoryLock.whileHeld(dataSource, LOCK, () -> pollMailbox(mostMails))
                    .orElse(Poll.SKIPPED);
        } catch (SQLException e) {
            log.warn("Mail intake could not take its lock in the database: {}", e.getMessage());
            return Poll.SKIPPED;
        }
    }

    private Poll pollMailbox(int mostMails) {
        Mailbox mailbox = settings.mailbox();
        try (Store store = mailbox.connect()) {
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                return handle(folder, mostMails);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.warn("Mail intake could not read {}: {}", mailbox.where(), e.getMessage());
            return Poll.SKIPPED;
        }
    }

    private Poll handle(Folder folder, int mostMails) throws MessagingException {
        boolean keywords = folder.getPermanentFlags().contains(Flags.Flag.USER);
        Message[] waiting = keywords ? folder.search(new FlagTerm(new Flags(PROCESSED), false)) : folder.getMessages();
        int reported = 0;
        int known = 0;
        int failed = 0;
        for (Message message : waiting) {
            if (reported + known + failed >= mostMails) {
                break;
            }
            if (message.isExpunged() || message.isSet(Flags.Flag.DELETED)) {
                continue;
            }
            try {
                boolean flagged = !keywords && message.isSet(Flags.Flag.SEEN);
                boolean isNew = isNew(message) && report(message);
                markProcessed(message, keywords);
                if (isNew) {
                    reported++;
                } else if (!flagged) {
                    known++;
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                failed++;
                log.warn(
                        "Mail intake could not report mail {} of {}; it is tried again at the next poll",
                        message.getMessageNumber(),
                        settings.folder(),
                        e);
            }
        }
        return new Poll(true, reported, known, failed);
    }

    /** False when the mail's Message-ID is recorded already; then it need not even be downloaded. */
    private boolean isNew(Message message) throws MessagingException, IOException {
        String[] messageId = message.getHeader("Message-ID");
        return messageId == null
                || messageId.length == 0
                || messageId[0].isBlank()
                || !intake.isRecorded(MailReader.key(message));
    }

    /**
     * Downloads the whole mail once into a temporary file and reads it from there: every part is then read as sent,
     * whatever the server makes of nested parts, and a large mail does not have to fit in memory.
     */
    private boolean report(Message message) throws MessagingException, IOException {
        Path raw = Files.createTempFile("cairn-mail-", ".eml");
        try {
            try (OutputStream out = Files.newOutputStream(raw)) {
                message.writeTo(out);
            }
            try (SharedFileInputStream in = new SharedFileInputStream(raw.toFile())) {
                MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), in);
                String key = MailReader.key(mail);
                return !intake.isRecorded(key) && intake.report(reader.read(mail, key));
            }
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    private static void markProcessed(Message message, boolean keywords) throws MessagingException {
        Flags flags = new Flags(Flags.Flag.SEEN);
        if (keywords) {
            flags.add(PROCESSED);
        }
        message.setFlags(flags, true);
    }
}
