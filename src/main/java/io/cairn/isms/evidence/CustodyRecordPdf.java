package io.cairn.isms.evidence;

import io.cairn.shared.PdfReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The custody record of an evidence item as a PDF that a court or an external investigator can read without Cairn: the
 * incident, every fact of the item and its SHA-256, every entry of its custody log with who signed it and when (in UTC
 * and in the configured zone), the hashes that chain the entries, and how to verify the item and the record.
 */
@Component
class CustodyRecordPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    CustodyRecordPdf(MessageSource messages, Clock clock, @Value("${cairn.isms.evidence.zone:UTC}") ZoneId zone) {
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    byte[] render(EvidenceView item, String incident, Locale locale) {
        Texts t = new Texts(messages, locale);
        List<String> lines = List.of(
                t.say("evidence.pdf.incident", incident),
                t.say("evidence.pdf.made", time(clock.instant())),
                t.say("evidence.pdf.chain." + (item.chainIntact() ? "intact" : "broken")));
        List<PdfReport.Section> sections = new ArrayList<>();
        sections.add(new PdfReport.Section(t.say("evidence.pdf.item"), facts(item, t)));
        for (EvidenceView.EntryView entry : item.custody()) {
            sections.add(new PdfReport.Section(
                    entry.seq() + ". " + t.say("evidence.entry." + entry.kind()), entry(entry, t)));
        }
        sections.add(new PdfReport.Section(
                t.say("evidence.pdf.verify"),
                List.of(
                        new PdfReport.Entry(t.say("evidence.pdf.verify.file"), t.say("evidence.pdf.verify.file.how")),
                        new PdfReport.Entry(
                                t.say("evidence.pdf.verify.log"),
                                t.say("evidence.pdf.verify.log.how", item.id().toString())))));
        return PdfReport.render(
                locale.getLanguage(),
                t.say("evidence.pdf.title", item.incidentReference(), item.label()),
                lines,
                sections);
    }

    private List<PdfReport.Entry> facts(EvidenceView item, Texts t) {
        List<PdfReport.Entry> facts = new ArrayList<>();
        facts.add(new PdfReport.Entry(t.say("evidence.item"), item.label() + " (" + item.id() + ")"));
        facts.add(new PdfReport.Entry(t.say("evidence.kind"), t.say("evidence.kind." + item.kind())));
        facts.add(new PdfReport.Entry(t.say("evidence.description"), item.description()));
        facts.add(new PdfReport.Entry(t.say("evidence.source"), item.source()));
        facts.add(new PdfReport.Entry(t.say("evidence.collected-at"), time(item.collectedAt())));
        facts.add(new PdfReport.Entry(
                t.say("evidence.collected-by"), item.collectedBy().name()));
        facts.add(new PdfReport.Entry(t.say("evidence.collected-where"), item.collectedWhere()));
        facts.add(new PdfReport.Entry(t.say("evidence.collected-how"), item.collectedHow()));
        facts.add(new PdfReport.Entry("SHA-256", item.sha256()));
        facts.add(new PdfReport.Entry(
                t.say("evidence.hash-source"),
                t.say(item.held() ? "evidence.hash.computed" : "evidence.hash.recorded")));
        EvidenceView.FileView file = item.file();
        if (file != null) {
            facts.add(new PdfReport.Entry(
                    t.say("evidence.file"), file.name() + " (" + file.size() + " bytes, " + file.contentType() + ")"));
        }
        facts.add(new PdfReport.Entry(
                t.say("evidence.custodian"), item.custodian().name()));
        facts.add(new PdfReport.Entry(t.say("evidence.storage-location"), item.storageLocation()));
        EvidenceView.PendingTransfer pending = item.pendingTransfer();
        if (pending != null) {
            facts.add(new PdfReport.Entry(
                    t.say("evidence.pending"),
                    t.say("evidence.pending.to", pending.to().name())));
        }
        return facts;
    }

    private List<PdfReport.Entry> entry(EvidenceView.EntryView entry, Texts t) {
        List<PdfReport.Entry> facts = new ArrayList<>();
        facts.add(new PdfReport.Entry(
                t.say("evidence.entry.signed"), entry.recordedBy().name() + ", " + time(entry.recordedAt())));
        add(facts, t.say("evidence.entry.occurred"), entry.occurredAt() == null ? null : time(entry.occurredAt()));
        add(
                facts,
                t.say("evidence.entry.from"),
                entry.from() == null ? null : entry.from().name());
        add(
                facts,
                t.say("evidence.entry.to"),
                entry.to() == null ? null : entry.to().name());
        add(facts, t.say("evidence.entry.purpose"), entry.purpose());
        add(facts, t.say("evidence.storage-location"), entry.storageLocation());
        add(facts, t.say("evidence.entry.reason"), entry.reason());
        add(facts, t.say("evidence.entry.field"), entry.field());
        add(facts, t.say("evidence.entry.old-value"), entry.oldValue());
        add(facts, t.say("evidence.entry.new-value"), entry.newValue());
        add(
                facts,
                t.say("evidence.entry.refers-to"),
                entry.refersTo() == null ? null : entry.refersTo().toString());
        add(
                facts,
                t.say("evidence.entry.result"),
                entry.result() == null ? null : t.say("evidence.check." + entry.result()));
        add(facts, t.say("evidence.entry.computed"), entry.computedSha256());
        facts.add(new PdfReport.Entry(t.say("evidence.entry.hash"), entry.hash()));
        facts.add(new PdfReport.Entry(t.say("evidence.entry.previous"), entry.previousHash()));
        return facts;
    }

    private static void add(List<PdfReport.Entry> facts, String label, @Nullable String value) {
        if (value != null) {
            facts.add(new PdfReport.Entry(label, value));
        }
    }

    /** A time in UTC, and in the configured zone when that is another. */
    private String time(Instant at) {
        String utc = TIME.format(at.atZone(ZoneId.of("UTC"))) + " UTC";
        return zone.equals(ZoneId.of("UTC"))
                ? utc
                : utc + " (" + TIME.format(at.atZone(zone)) + " " + zone.getId() + ")";
    }

    /** The texts of the reader's language. */
    private record Texts(MessageSource messages, Locale locale) {
        String say(String code, Object... arguments) {
            return messages.getMessage(code, arguments, locale);
        }
    }
}
