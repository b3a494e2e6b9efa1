package io.cairn.compliance;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AdvisoryLock;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Mailbox;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the mailbox that bounces of notices come back to ({@code cairn.compliance.bounces.*}) and marks the deliveries
 * whose mails bounced, with the mail server's reason, so that the notice's counts and list show them. Each mail is
 * recorded in its own transaction and only then flagged read ({@code \Seen} and {@value #READ}); a mail that is no
 * bounce of a notice (an out-of-office reply, a delay) is flagged too and left where it is. One node reads at a time:
 * the read holds a PostgreSQL advisory lock.
 */
@Component
class NoticeBounces {

    private static final Logger log = LoggerFactory.getLogger(NoticeBounces.class);

    /** The IMAP keyword of a mail read for bounces; servers without keywords get only {@code \Seen}. */
    static final String READ = "CairnBounceRead";

    /** The advisory lock that one reading node holds: "cairnBOU" in a 64-bit number. */
    private static final long LOCK = 0x636169726e424f55L;

    /**
     * What one read did.
     *
     * @param polled false when another node held the lock, reading is disabled, or the mailbox could not be reached
     * @param bounces mails that were bounces of mails Cairn sent
     * @param deliveries deliveries marked bounced
     * @param failed mails that could not be read; they are read again next time
     */
    record Poll(boolean polled, int bounces, int deliveries, int failed) {

        static final Poll SKIPPED = new Poll(false, 0, 0, 0);
    }

    private final NoticeBounceSettings settings;
    private final NoticeDeliveries notices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    private final Clock clock;

    NoticeBounces(
            NoticeBounceSettings settings,
            NoticeDeliveries notices,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            DataSource dataSource,
            Clock clock) {
        this.settings = settings;
        this.notices = notices;
        this.events = events;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${cairn.compliance.bounces.poll-interval:PT5M}",
            initialDelayString = "${cairn.compliance.bounces.poll-interval:PT5M}")
    void pollOnSchedule() {
        if (settings.enabled()) {
            Poll poll = poll();
            if (poll.bounces() + poll.failed() > 0) {
                log.info(
                        "Notice bounces: {} bounces marked {} deliveries bounced, {} mails failed",
                        poll.bounces(),
                        poll.deliveries(),
                        poll.failed());
            }
        }
    }

    /** Reads the mailbox now and records every new bounce. */
    Poll poll() {
        try {
            return AdvisoryLock.whileHeld(dataSource, LOCK, () -> read(settings.mailbox()))
                    .orElse(Poll.SKIPPED);
        } catch (SQLException e) {
            log.warn("Notice bounces could not take their lock in the database: {}", e.getMessage());
            return Poll.SKIPPED;
        }
    }

    private Poll read(Mailbox mailbox) {
        try (Store store = mailbox.connect()) {
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                return handle(folder);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.warn("Notice bounces could not read {}: {}", mailbox.where(), e.getMessage());
            return Poll.SKIPPED;
        }
    }

    private Poll handle(Folder folder) throws MessagingException {
        boolean keywords = folder.getPermanentFlags().contains(Flags.Flag.USER);
        Flags read = keywords ? new Flags(READ) : new Flags(Flags.Flag.SEEN);
        int bounces = 0;
        int deliveries = 0;
        int failed = 0;
        for (Message message : folder.search(new FlagTerm(read, false))) {
            if (message.isExpunged() || message.isSet(Flags.Flag.DELETED)) {
                continue;
            }
            try {
                Optional<BounceReading.Bounce> bounce = BounceReading.read((MimeMessage) message);
                if (bounce.isPresent()) {
                    bounces++;
                    deliveries += record(bounce.get());
                }
                Flags flags = new Flags(Flags.Flag.SEEN);
                if (keywords) {
                    flags.add(READ);
                }
                message.setFlags(flags, true);
            } catch (MessagingException | IOException | RuntimeException e) {
                failed++;
                log.warn(
                        "Notice bounces could not read mail {}; it is read again next time",
                        message.getMessageNumber(),
                        e);
            }
        }
        return new Poll(true, bounces, deliveries, failed);
    }

    /** Marks the deliveries of the bounce bounced and audits it per notice; how many. */
    private int record(BounceReading.Bounce bounce) {
        Integer marked = transactions.execute(status -> {
            Instant now = clock.instant();
            List<NoticeDeliveries.Bounced> notices = this.notices.bounced(bounce.messageIds(), bounce.reason());
            notices.forEach(notice -> events.publishEvent(new NoticeChanged(
                    notice.incident(),
                    NoticeChanged.of(notice.obligation(), notice.stage()),
                    ActorRef.SYSTEM,
                    now,
                    NoticeChanged.Verb.BOUNCES_RECORDED,
                    Optional.empty(),
                    Optional.of(ContentDigest.of(notice.mails() + ":" + bounce.reason())
                            .hex()))));
            return notices.stream().mapToInt(NoticeDeliveries.Bounced::mails).sum();
        });
        return marked == null ? 0 : marked;
    }
}
