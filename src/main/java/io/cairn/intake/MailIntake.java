package io.cairn.intake;

import io.cairn.identity.Actor;
import io.cairn.identity.UserView;
import io.cairn.identity.system.UsersForSystem;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentTitle;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.incidents.ObservableSource;
import io.cairn.incidents.ObservedValue;
import io.cairn.incidents.TimelineEntry;
import io.cairn.incidents.channels.ReporterChannels;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Turns a mail into a report, in one transaction: the mail's key is recorded together with the incident, its
 * attachments, the follow-up code of a sender without an account, and the request to acknowledge it. A mail whose
 * key is already recorded is never reported again.
 */
@Component
class MailIntake {

    /** How the timeline and the audit trail name e-mail intake when it writes a note itself. */
    static final ActorRef CHANNEL = new ActorRef("mail-intake", "e-mail intake");

    /** A reference as acknowledgements quote it in their subject. */
    private static final Pattern REFERENCE = Pattern.compile("\\bINC-\\d{1,18}\\b");

    static final int DESCRIPTION_LIMIT = 20_000;

    private final ReporterChannels channels;
    private final UsersForSystem users;
    private final IntakeReports reports;
    private final Attachments attachments;
    private final FollowUpCodes followUpCodes;
    private final Acknowledged acknowledged;
    private final Duration followUpValidity;
    private final DataSize maxAttachmentSize;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    MailIntake(
            ReporterChannels channels,
            UsersForSystem users,
            IntakeReports reports,
            Attachments attachments,
            FollowUpCodes followUpCodes,
            Acknowledged acknowledged,
            @Value("${cairn.intake.follow-up-validity:P365D}") Duration followUpValidity,
            @Value("${cairn.intake.max-attachment-size:25MB}") DataSize maxAttachmentSize,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            java.time.Clock clock) {
        this.channels = channels;
        this.users = users;
        this.reports = reports;
        this.attachments = attachments;
        this.followUpCodes = followUpCodes;
        this.acknowledged = acknowledged;
        this.followUpValidity = followUpValidity;
        this.maxAttachmentSize = maxAttachmentSize;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when the mail with this key was reported before. */
    @Transactional(readOnly = true)
    boolean isRecorded(String key) {
        return jdbc.sql("select count(*) from intake_mail where message_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Reports the mail, or adds it to the conversation of the report it replies to (its subject quotes the reference
     * of an acknowledgement sent to its sender); false when its key was already recorded (it was handled before).
     */
    @Transactional
    boolean report(ReceivedMail mail) {
        Instant now = clock.instant();
        int claimed = jdbc.sql("insert into intake_mail (message_key, sender, received_at) values (?, ?, ?) "
                        + "on conflict do nothing")
                .params(mail.key(), mail.sender(), Timestamp.from(now))
                .update();
        if (claimed == 0) {
            return false;
        }
        Optional<Acknowledged.Thread> thread = replyTarget(mail);
        if (thread.isPresent() && addReply(mail, thread.get(), now)) {
            return true;
        }
        open(mail, now);
        return true;
    }

    private void open(ReceivedMail mail, Instant now) {
        Optional<Actor> reporter = knownReporter(mail.sender());
        Outcome<IncidentView> opened = reporter.map(
                        actor -> channels.reportFor(actor, NewIncident.of(title(mail), description(mail, true))))
                .filter(outcome -> outcome instanceof Outcome.Done<IncidentView>)
                // a sender whose account may not report is answered like a sender without an account
                .orElseGet(() -> channels.reportAnonymously(NewIncident.of(title(mail), description(mail, false))));
        IncidentView incident = opened.orElseThrow(refusal ->
                new IllegalStateException("the mail " + mail.key() + " could not be reported: " + refusal.message()));
        boolean byAccount = incident.reporter() != null;
        reports.add(incident.id(), null, null, mail.language(), "mail", List.of(), now);
        keep(mail, incident.id(), now);
        channels.addObserved(
                incident.id(),
                CHANNEL,
                ObservableSource.MAIL,
                mail.links().stream()
                        .map(link -> new ObservedValue("url", link))
                        .toList());
        if (!mail.automatic()) {
            String followUpCode =
                    byAccount ? null : followUpCodes.issue(incident.id(), now, now.plus(followUpValidity));
            events.publishEvent(new ReportReceived(
                    incident.id(),
                    incident.reference(),
                    mail.sender(),
                    mail.language(),
                    incident.reporter(),
                    followUpCode,
                    mail.text().isBlank(),
                    mail.messageId()));
        }
    }

    /** Keeps the attachments with the incident, notes those too large to keep, and records where the mail went. */
    private void keep(ReceivedMail mail, IncidentId incident, Instant now) {
        jdbc.sql("update intake_mail set incident_id = ? where message_key = ?")
                .params(incident.value(), mail.key())
                .update();
        for (ReceivedMail.Attachment attachment : mail.attachments()) {
            attachments.add(incident, attachment.filename(), attachment.declaredType(), attachment.content(), now);
        }
        for (String filename : mail.oversized()) {
            channels.addChannelNote(
                    incident,
                    CHANNEL,
                    "The attachment '" + filename + "' was not kept: it is "
                            + "larger than the limit of " + readable(maxAttachmentSize)
                            + " (cairn.intake.max-attachment-size).");
        }
    }

    private Optional<Acknowledged.Thread> replyTarget(ReceivedMail mail) {
        if (mail.sender().isEmpty()) {
            return Optional.empty();
        }
        Matcher reference = REFERENCE.matcher(mail.subject());
        while (reference.find()) {
            Optional<Acknowledged.Thread> thread = acknowledged.find(reference.group(), mail.sender());
            if (thread.isPresent()) {
                return thread;
            }
        }
        return Optional.empty();
    }

    /** Adds the reply to the report's conversation; false when its sender is no longer the report's reporter. */
    private boolean addReply(ReceivedMail mail, Acknowledged.Thread thread, Instant now) {
        String text = ReplyText.of(mail.text());
        if (text.isBlank()) {
            text = mail.attachments().isEmpty() && mail.oversized().isEmpty()
                    ? "(The reply had no text.)"
                    : "(The reply had no text; its attachments are kept with the report.)";
        }
        if (text.length() > GuidedAnswers.LONG_TEXT_LIMIT) {
            text = text.substring(0, GuidedAnswers.LONG_TEXT_LIMIT - 1) + "\u2026";
        }
        Optional<TimelineEntry> reply;
        if (thread.reporter() == null) {
            reply = channels.replyByFollowUpCode(thread.incident(), text);
        } else {
            Optional<Actor> writer =
                    knownReporter(mail.sender()).filter(actor -> actor.id().equals(thread.reporter()));
            if (writer.isEmpty()) {
                return false;
            }
            reply = channels.replyFor(writer.get(), thread.incident(), text);
        }
        if (reply.isEmpty()) {
            return false;
        }
        keep(mail, thread.incident(), now);
        return true;
    }

    private Optional<Actor> knownReporter(String sender) {
        if (sender.isEmpty()) {
            return Optional.empty();
        }
        return users.userWithEmail(sender).map(UserView::actor);
    }

    static String title(ReceivedMail mail) {
        String subject = mail.subject().replaceAll("\\s+", " ").strip();
        if (subject.isEmpty()) {
            subject =
                    "E-mail without a subject from " + (mail.sender().isEmpty() ? "an unknown sender" : mail.sender());
        }
        return IncidentTitle.shortened(subject).text();
    }

    static String description(ReceivedMail mail, boolean byAccount) {
        StringBuilder footer = new StringBuilder();
        if (!byAccount) {
            footer.append("\n\nReported by e-mail from ").append(sender(mail)).append('.');
        }
        if (!mail.attachments().isEmpty() || !mail.oversized().isEmpty()) {
            footer.append("\n\nAttachments: ")
                    .append(mail.attachments().stream()
                            .map(a -> a.filename() + " (" + readable(DataSize.ofBytes(a.content().length)) + ")")
                            .collect(Collectors.joining(", ")));
            if (!mail.oversized().isEmpty()) {
                footer.append(mail.attachments().isEmpty() ? "" : "; ")
                        .append("too large to keep: ")
                        .append(String.join(", ", mail.oversized()));
            }
        }
        String text = mail.text().isBlank() ? placeholder(mail) : mail.text();
        int room = DESCRIPTION_LIMIT - footer.length();
        if (text.length() > room) {
            String cut = "\n\n[The mail's text was longer and was cut here.]";
            text = text.substring(0, Math.max(0, room - cut.length())) + cut;
        }
        return text + footer;
    }

    private static String placeholder(ReceivedMail mail) {
        return mail.automatic()
                ? "(The mail had no text.)"
                : "(The mail had no text. The sender was asked by mail to reply with the details.)";
    }

    private static String sender(ReceivedMail mail) {
        if (mail.sender().isEmpty()) {
            return "an unknown sender";
        }
        @Nullable String name = mail.senderName();
        return name == null || name.isBlank() ? mail.sender() : name.strip() + " <" + mail.sender() + ">";
    }

    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 || bytes >= 10L * 1024 * 1024) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
