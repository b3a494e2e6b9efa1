package io.cairn.notification;

import io.cairn.intake.ReportReceived;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Acknowledges each report by mail: queues the acknowledgement in the outbox within the transaction that kept the
 * report. A reporter with an account gets the link to their report page; one without gets a follow-up code in the
 * text and the link to the follow-up page (never the code in a URL, where proxies and browsers keep it).
 */
@Component
class Acknowledgements {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

    static final String TEMPLATE = "report-acknowledgement";

    private final Outbox outbox;
    private final MailChannel mail;
    private final InboxAndMail people;
    private final Clock clock;

    Acknowledgements(Outbox outbox, MailChannel mail, InboxAndMail people, Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.people = people;
        this.clock = clock;
    }

    @EventListener
    void acknowledge(ReportReceived report) {
        if (!mail.isConfigured()) {
            log.debug("No acknowledgement for {}: mail is not configured (spring.mail.host)", report.reference());
            return;
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("reference", report.reference());
        parameters.put("detailsMissing", report.detailsMissing());
        parameters.put(
                "link", people.link(report.followUpCode() == null ? "/reports/" + report.incident() : "/follow-up"));
        if (report.inReplyTo() != null) {
            parameters.put("inReplyTo", report.inReplyTo());
        }
        Map<String, String> secrets =
                report.followUpCode() == null ? Map.of() : Map.of("followUpCode", report.followUpCode());
        outbox.enqueue(
                new Outbox.Queued(
                        TEMPLATE + ":" + report.incident(),
                        mail.name(),
                        report.replyTo(),
                        TEMPLATE,
                        report.language(),
                        parameters,
                        secrets),
                clock.instant());
    }
}
