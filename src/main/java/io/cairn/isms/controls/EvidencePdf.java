package io.cairn.isms.controls;

import io.cairn.identity.IdentityManagement;
import io.cairn.shared.Language;
import io.cairn.shared.PdfReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The auditor's report of a control as a PDF in the reader's language: the control and the period, the summary, the
 * exceptions first, then every run with its timeline; every time in UTC and in the zone of security procedures.
 */
@Component
class EvidencePdf {

    private final EvidenceTexts texts;
    private final IdentityManagement identity;

    EvidencePdf(EvidenceTexts texts, IdentityManagement identity) {
        this.texts = texts;
        this.identity = identity;
    }

    byte[] of(ControlEvidenceReport report) {
        Locale locale = LocaleContextHolder.getLocale();
        String reader =
                identity.currentActor().map(actor -> actor.displayName()).orElse("");
        List<String> lines = new ArrayList<>();
        lines.add(text("control-evidence.report.period", locale, report.from(), report.to(), report.zone()));
        lines.add(text(
                "control-evidence.report.procedure",
                locale,
                report.procedureType().isEmpty() ? text("control-evidence.type.all", locale) : report.procedureType()));
        lines.add(text("control-evidence.report.read-at", locale, texts.both(report.readAt()), reader));
        lines.add(text("control-evidence.report.times", locale, report.zone()));
        List<PdfReport.Section> sections = new ArrayList<>();
        sections.add(summary(report.summary(), locale));
        sections.add(exceptions(report.exceptions(), locale));
        for (EvidenceRun run : report.runs()) {
            sections.add(run(run, locale));
        }
        if (report.runs().isEmpty()) {
            sections.add(new PdfReport.Section(
                    text("control-evidence.runs", locale),
                    List.of(new PdfReport.Entry("", text("control-evidence.runs.none", locale)))));
        }
        String title = text("control-evidence.report.title", locale, "A." + report.control(), report.controlTitle());
        return PdfReport.render(Language.current().code(), title, lines, sections);
    }

    private PdfReport.Section summary(EvidenceSummary summary, Locale locale) {
        List<PdfReport.Entry> entries = new ArrayList<>();
        entries.add(entry("control-evidence.summary.runs", summary.runs(), locale));
        entries.add(entry("control-evidence.summary.on-time", summary.onTime(), locale));
        entries.add(entry("control-evidence.summary.in-progress", summary.inProgress(), locale));
        entries.add(entry("control-evidence.summary.with-exceptions", summary.withExceptions(), locale));
        EvidenceSummary.Within within = summary.within();
        if (within != null) {
            entries.add(new PdfReport.Entry(
                    text("control-evidence.summary.within", locale, within.workingDays(), within.calendar()),
                    String.valueOf(within.met())));
        }
        for (EvidenceSummary.KindCount count : summary.exceptions()) {
            entries.add(entry("control-evidence.kind." + count.kind().code(), count.count(), locale));
        }
        return new PdfReport.Section(text("control-evidence.summary", locale), entries);
    }

    private PdfReport.Entry entry(String key, long count, Locale locale) {
        return new PdfReport.Entry(text(key, locale), String.valueOf(count));
    }

    private PdfReport.Section exceptions(List<EvidenceException> exceptions, Locale locale) {
        List<PdfReport.Entry> entries = new ArrayList<>();
        for (EvidenceException exception : exceptions) {
            entries.add(new PdfReport.Entry(
                    exception.reference() + " · " + exception.procedure() + " · "
                            + text("control-evidence.kind." + exception.kind().code(), locale),
                    exception.reason()));
        }
        if (entries.isEmpty()) {
            entries.add(new PdfReport.Entry("", text("control-evidence.exceptions.none", locale)));
        }
        return new PdfReport.Section(text("control-evidence.exceptions", locale), entries);
    }

    private PdfReport.Section run(EvidenceRun run, Locale locale) {
        List<PdfReport.Entry> entries = new ArrayList<>();
        String requester = run.requester().isEmpty() ? text("control-evidence.run.scheduled", locale) : run.requester();
        entries.add(new PdfReport.Entry(text("control-evidence.run.requester", locale), requester));
        entries.add(new PdfReport.Entry(text("control-evidence.run.owner", locale), run.owner()));
        entries.add(new PdfReport.Entry(text("control-evidence.run.started", locale), texts.both(run.startedAt())));
        entries.add(new PdfReport.Entry(text("control-evidence.run.due", locale), texts.both(run.dueAt())));
        entries.add(new PdfReport.Entry(text("control-evidence.run.ended", locale), texts.both(run.endedAt())));
        String state = text("control-evidence.state." + run.state(), locale)
                + (run.closeReason().isEmpty() ? "" : ": " + run.closeReason());
        entries.add(new PdfReport.Entry(text("control-evidence.run.state", locale), state));
        for (EvidenceStep step : run.steps()) {
            entries.add(step(step, locale));
        }
        for (EvidenceException exception : run.exceptions()) {
            entries.add(new PdfReport.Entry(
                    text("control-evidence.kind." + exception.kind().code(), locale), exception.reason()));
        }
        return new PdfReport.Section(run.reference() + " · " + run.procedure(), entries);
    }

    private PdfReport.Entry step(EvidenceStep step, Locale locale) {
        String label = step.position() + ". " + step.title() + " ("
                + text("control-evidence.step." + step.kind(), locale)
                + (step.evidences() ? ", " + text("control-evidence.step.evidences", locale) : "") + ")";
        StringBuilder value = new StringBuilder(text("control-evidence.state." + step.state(), locale));
        if (!step.by().isEmpty()) {
            value.append(" · ").append(text("control-evidence.step.by", locale, step.by()));
        }
        value.append(" · ").append(texts.both(step.closedAt()));
        value.append("\n").append(text("control-evidence.run.due", locale)).append(": ");
        value.append(texts.both(step.dueAt()));
        if (step.isApproval() && !step.isOpen()) {
            value.append("\n")
                    .append(text(
                            step.byRequester()
                                    ? "control-evidence.step.decided-by-requester"
                                    : "control-evidence.step.decided-by-someone-else",
                            locale));
        }
        if (!step.note().isEmpty()) {
            value.append("\n").append(step.note());
        }
        for (EvidenceAttachment attachment : step.attachments()) {
            value.append("\n")
                    .append(text("control-evidence.step.attachment", locale, attachment.name(), attachment.sha256()));
        }
        return new PdfReport.Entry(label, value.toString());
    }

    private String text(String key, Locale locale, Object... arguments) {
        return texts.text(key, locale, arguments);
    }
}
