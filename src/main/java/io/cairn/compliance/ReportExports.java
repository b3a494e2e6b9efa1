package io.cairn.compliance;

import io.cairn.shared.Language;
import io.cairn.shared.PdfReport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stage's report as files: the draft's JSON, a submission's JSON (the exact bytes it froze), and either as a PDF in
 * the reader's language, a submission's PDF written from its frozen JSON.
 */
@Component
class ReportExports {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final StageReports reports;
    private final MessageSource messages;

    ReportExports(StageReports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    /** The draft's JSON. */
    byte[] draftJson(StageReports.Target target) {
        return SubmissionContent.draft(reports.subject(target), reports.fields(target));
    }

    /** The draft as a PDF in the reader's language. */
    byte[] draftPdf(StageReports.Target target) {
        List<String> lines = head(target);
        lines.add(text("compliance.report.pdf.draft"));
        return PdfReport.render(language(), title(target), lines, List.of(fields(reports.fields(target))));
    }

    /** The submission as a PDF in the reader's language, written from the JSON it froze. */
    byte[] submissionPdf(StageReports.Target target, Submissions.Stored submission) {
        Map<String, Object> content = json.readValue(submission.content(), MAP);
        Map<String, String> fields = new LinkedHashMap<>();
        if (content.get("fields") instanceof Map<?, ?> frozen) {
            frozen.forEach((field, value) -> fields.put(String.valueOf(field), value == null ? "" : value.toString()));
        }
        SubmissionView view = submission.view();
        List<PdfReport.Entry> sent = new ArrayList<>();
        sent.add(entry("channel", view.channel()));
        sent.add(entry("recipient", view.recipient()));
        sent.add(entry("reference", view.reference()));
        sent.add(entry("submitted-at", UTC.format(view.submittedAt())));
        sent.add(entry("submitted-by", view.submittedByName()));
        sent.add(entry("late", text(view.late() ? "compliance.report.yes" : "compliance.report.no")));
        sent.add(entry("delay-reason", view.delayReason()));
        sent.add(entry(
                "corrects", view.corrects() == null ? null : view.corrects().toString()));
        sent.add(entry("sha256", view.sha256()));
        return PdfReport.render(
                language(),
                title(target),
                head(target),
                List.of(new PdfReport.Section(text("compliance.report.pdf.submission"), sent), fields(fields)));
    }

    private String title(StageReports.Target target) {
        return target.stage().name().in(Language.current());
    }

    private List<String> head(StageReports.Target target) {
        Regime rules = target.obligation().rules();
        List<String> lines = new ArrayList<>();
        lines.add(text(
                "compliance.report.pdf.incident",
                target.grant().incident().reference(),
                target.grant().incident().title()));
        lines.add(text("compliance.report.pdf.regime", rules.name().in(Language.current()), rules.version()));
        lines.add(text("compliance.report.pdf.entity", reports.subject(target).legalEntity()));
        lines.add(text(
                "compliance.report.pdf.recipient", target.stage().recipient().in(Language.current())));
        Instant due = target.state().dueAt();
        if (due != null) {
            lines.add(text("compliance.report.pdf.due", UTC.format(due)));
        }
        return lines;
    }

    private PdfReport.Section fields(Map<String, String> fields) {
        return new PdfReport.Section(
                text("compliance.report.pdf.fields"),
                fields.entrySet().stream()
                        .map(field -> new PdfReport.Entry(reports.label(field.getKey()), field.getValue()))
                        .toList());
    }

    private PdfReport.Entry entry(String label, @Nullable String value) {
        return new PdfReport.Entry(text("compliance.report." + label), value == null ? "" : value);
    }

    private String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }

    private static String language() {
        return Language.current().code().toLowerCase(Locale.ROOT);
    }
}
