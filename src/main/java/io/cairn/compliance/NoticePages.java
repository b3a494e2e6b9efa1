package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of the notice to the people a breach concerns: its counts for everyone who reads the incident's compliance;
 * for privacy officers also the people and the import of a CSV file, whose problems it lists by line and column.
 */
@Controller
@RequestMapping("/incidents/{id}/compliance/obligations/{obligation}/notice")
class NoticePages {

    private final DataSubjectNotices notices;
    private final NoticeWriting writing;
    private final NoticeSending sending;
    private final NoticeSettling settling;
    private final org.springframework.context.MessageSource messages;

    NoticePages(
            DataSubjectNotices notices,
            NoticeWriting writing,
            NoticeSending sending,
            NoticeSettling settling,
            org.springframework.context.MessageSource messages) {
        this.notices = notices;
        this.writing = writing;
        this.sending = sending;
        this.settling = settling;
        this.messages = messages;
    }

    @GetMapping
    String notice(
            @PathVariable IncidentId id,
            @PathVariable UUID obligation,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        NoticeView notice = shown(notices.notice(id, obligation));
        // not "notice": the layout shows a flash message of that name
        model.addAttribute("subjectNotice", notice);
        model.addAttribute("offset", Math.max(0, offset));
        List<NoticeView.Recipient> people = notice.managesPeople()
                        && notices.people(id, obligation, Math.max(0, offset))
                                instanceof Outcome.Done<List<NoticeView.Recipient>> done
                ? done.value()
                : List.of();
        model.addAttribute("people", people);
        model.addAttribute(
                "unknown",
                notice.counts() != null
                                && notice.counts().unknown() > 0
                                && settling.unknown(id, obligation)
                                        instanceof Outcome.Done<List<NoticeView.Recipient>> done
                        ? done.value()
                        : List.of());
        model.addAttribute("pageSize", DataSubjectNotices.PAGE);
        model.addAttribute("text", writing.text(id, obligation).orRefuse());
        model.addAttribute(
                "previews",
                java.util.stream.Stream.of("en", "nl")
                        .map(language ->
                                writing.preview(id, obligation, language).orRefuse())
                        .toList());
        model.addAttribute("fields", NoticeTemplate.FIELDS);
        return "compliance/notice";
    }

    @PostMapping("/people")
    String importPeople(
            @PathVariable IncidentId id,
            @PathVariable UUID obligation,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "refuse") String badLines,
            Model model,
            jakarta.servlet.http.HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<NoticeView.Import> imported = file == null
                ? Outcome.refused(Refusal.invalid("file", ComplianceRefusals.CSV_NO_FILE))
                : notices.importPeople(id, obligation, NoticeApi.upload(file), "skip".equals(badLines));
        if (imported instanceof Outcome.Refused<NoticeView.Import> refused) {
            return refusedPage(refused.refusal(), id, obligation, model, response);
        }
        NoticeView.Import done = imported.orRefuse();
        redirect.addFlashAttribute("imported", done);
        return "redirect:" + path(id, obligation);
    }

    @PostMapping("/text")
    String saveText(
            @PathVariable IncidentId id,
            @PathVariable UUID obligation,
            @RequestParam org.springframework.util.MultiValueMap<String, String> form,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        java.util.Map<String, java.util.Map<String, String>> texts = new java.util.LinkedHashMap<>();
        form.forEach((name, values) -> {
            int dot = name.indexOf('.');
            if (dot > 0 && !values.isEmpty() && NoticeTemplate.FIELDS.contains(name.substring(dot + 1))) {
                texts.computeIfAbsent(name.substring(0, dot), language -> new java.util.LinkedHashMap<>())
                        .put(name.substring(dot + 1), values.get(0));
            }
        });
        String version = DecisionFormReading.text(form, "version");
        Outcome<NoticeTextView> saved = writing.saveText(id, obligation, texts, version(version));
        if (saved instanceof Outcome.Refused<NoticeTextView> refused) {
            return refusedPage(refused.refusal(), id, obligation, model, response);
        }
        return notice(id, obligation, 0, model);
    }

    @PostMapping("/send")
    String send(
            @PathVariable IncidentId id,
            @PathVariable UUID obligation,
            @RequestParam(defaultValue = "") String version,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Outcome<NoticeView> started = sending.start(id, obligation, version(version));
        if (started instanceof Outcome.Refused<NoticeView> refused) {
            return refusedPage(refused.refusal(), id, obligation, model, response);
        }
        return "redirect:" + path(id, obligation);
    }

    @PostMapping("/settle")
    String settle(
            @PathVariable IncidentId id,
            @PathVariable UUID obligation,
            @RequestParam(name = "deliveries", required = false) @Nullable List<String> deliveries,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String note,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        List<Long> ids = deliveries == null
                ? List.of()
                : deliveries.stream().map(NoticePages::version).toList();
        Outcome<NoticeView> settled = settling.settle(id, obligation, ids, outcome, note);
        if (settled instanceof Outcome.Refused<NoticeView> refused) {
            return refusedPage(refused.refusal(), id, obligation, model, response);
        }
        return "redirect:" + path(id, obligation);
    }

    /**
     * The notice page with the refusal's problems, answered with its status; a notice the user may not see or change
     * at all is the error page's.
     */
    private String refusedPage(
            Refusal refusal,
            IncidentId id,
            UUID obligation,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        if (refusal.kind() == Refusal.Kind.NOT_FOUND || refusal.kind() == Refusal.Kind.FORBIDDEN) {
            throw new ResponseStatusException(HttpStatus.valueOf(refusal.kind().status()), refusal.message());
        }
        show(refusal, model);
        response.setStatus(refusal.kind().status());
        return notice(id, obligation, 0, model);
    }

    /** The version (or delivery number) a form sent; -1 (never stored) when it is no number. */
    private static long version(String text) {
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : -1;
    }

    private static String path(IncidentId id, UUID obligation) {
        return "/incidents/" + id + "/compliance/obligations/" + obligation + "/notice";
    }

    /** The refusal's problems by line and column, and its summary, in the reader's language. */
    private void show(Refusal refusal, Model model) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute(
                "problems",
                io.cairn.shared.RefusalErrors.byField(refusal, messages, locale, field -> where(field, locale)));
        Object[] arguments = refusal.arguments().toArray();
        model.addAttribute(
                "summary",
                messages.getMessage(
                        "refusal." + refusal.code(), arguments, Refusal.format(refusal.template(), arguments), locale));
    }

    /**
     * Where a problem is, in the reader's language: {@code line 3, column 2 (e-mail)} is {@code Regel 3, ...}, and a
     * field of a form is its label.
     */
    private String where(String field, java.util.Locale locale) {
        java.util.regex.Matcher cell = WHERE.matcher(field);
        if (!cell.matches()) {
            String label = LABELS.get(field);
            return label == null ? field : messages.getMessage(label, null, locale);
        }
        return cell.group(2) == null
                ? messages.getMessage("compliance.notice.at-line", new Object[] {cell.group(1)}, locale)
                : messages.getMessage(
                        "compliance.notice.at-cell",
                        new Object[] {cell.group(1), cell.group(3), cell.group(4)},
                        locale);
    }

    /** The labels of the page's forms' fields, by the field a refusal names. */
    private static final java.util.Map<String, String> LABELS = java.util.Map.of(
            "file", "compliance.notice.file",
            "deliveries", "compliance.notice.unknown-which",
            "outcome", "compliance.notice.settle-outcome",
            "note", "compliance.notice.settle-note");

    private static final java.util.regex.Pattern WHERE =
            java.util.regex.Pattern.compile("line (\\d+)(, column (\\d+) \\((.+)\\))?");

    private static NoticeView shown(Outcome<NoticeView> notice) {
        if (notice instanceof Outcome.Refused<NoticeView> refused) {
            throw new ResponseStatusException(
                    HttpStatus.valueOf(refused.refusal().kind().status()),
                    refused.refusal().message());
        }
        return notice.orRefuse();
    }
}
