package io.cairn.intake;

import io.cairn.assets.AssetManagement;
import io.cairn.identity.IdentityManagement;
import io.cairn.incidents.IncidentCommands;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.ReporterView;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The report portal, made for phones first: choose the situation, answer its questions, read the reference and the
 * tips. Three screens at most. People without an account report anonymously and get a follow-up code, which they
 * use on the follow-up page; signed-in reporters follow their reports under "My reports".
 */
@Controller
class PortalPages {

    private static final String ANSWER = "answer.";
    private static final String OTHER_DEVICE = "other";

    private final IntakeManagement intake;
    private final IncidentManagement incidents;
    private final IdentityManagement identity;
    private final AssetManagement assets;
    private final MessageSource messages;
    private final AttachmentRules attachmentRules;

    PortalPages(
            IntakeManagement intake,
            IncidentManagement incidents,
            IdentityManagement identity,
            AssetManagement assets,
            MessageSource messages,
            AttachmentRules attachmentRules) {
        this.intake = intake;
        this.incidents = incidents;
        this.identity = identity;
        this.assets = assets;
        this.messages = messages;
        this.attachmentRules = attachmentRules;
    }

    @GetMapping("/report")
    String start(Model model) {
        model.addAttribute("templates", intake.activeTemplates());
        return "portal/start";
    }

    @GetMapping("/report/{key}")
    String form(@PathVariable String key, Model model) {
        Optional<ReportTemplate> template = active(key);
        if (template.isEmpty()) {
            return "redirect:/report";
        }
        return showForm(template.get(), Map.of(), false, Map.of(), model);
    }

    /**
     * The answers arrive as {@code answer.<key>}; a device question may also send {@code device.<key>}, a file
     * question a file as {@code file.<key>} (the form is {@code multipart/form-data}).
     */
    @PostMapping("/report/{key}")
    String submit(
            @PathVariable String key,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam(defaultValue = "false") boolean confidential,
            @RequestParam(required = false) @Nullable String timeZone,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        Optional<ReportTemplate> template = active(key);
        if (template.isEmpty()) {
            return "redirect:/report";
        }
        Map<String, String> answers = answers(template.get(), form);
        ReportSubmission submission = new ReportSubmission(
                key,
                answers,
                confidential,
                locale.getLanguage(),
                timeZone == null || timeZone.isBlank() ? null : timeZone);
        boolean signedIn = identity.currentActor().isPresent();
        Map<String, UploadedFile> files = files(template.get(), request);
        Outcome<?> outcome =
                signedIn ? intake.submitReport(submission, files) : intake.submitAnonymousReport(submission, files);
        if (outcome instanceof Outcome.Refused<?> refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showForm(
                    template.get(), form.toSingleValueMap(), confidential, fieldErrors(refused.refusal()), model);
        }
        Object receipt = ((Outcome.Done<?>) outcome).value();
        if (receipt instanceof ReportReceipt signedInReceipt) {
            redirect.addFlashAttribute("reference", signedInReceipt.reference());
            redirect.addFlashAttribute("tips", signedInReceipt.tips());
            redirect.addFlashAttribute("incident", signedInReceipt.incident().toString());
        } else if (receipt instanceof AnonymousReceipt anonymous) {
            redirect.addFlashAttribute("reference", anonymous.reference());
            redirect.addFlashAttribute("tips", anonymous.tips());
            redirect.addFlashAttribute("followUpCode", anonymous.followUpCode());
        }
        return "redirect:/report/done";
    }

    /** The last screen: reference, follow-up code (anonymous, shown this once) and tips. */
    @GetMapping("/report/done")
    String done(Model model) {
        if (!model.containsAttribute("reference")) {
            return "redirect:/report";
        }
        return "portal/done";
    }

    /**
     * The follow-up form, or the report of the code that a POST just carried here in a flash attribute: the code is
     * the reporter's secret, so it never goes into an address, and a reload shows the empty form rather than sending
     * a reply twice.
     */
    @GetMapping("/follow-up")
    String followUpForm(HttpServletRequest request, Model model) {
        if (model.getAttribute("code") instanceof String code) {
            return showFollowUp(code, intake.followUp(code, request.getRemoteAddr()), model);
        }
        return "portal/follow-up";
    }

    @PostMapping("/follow-up")
    String followUp(@RequestParam(defaultValue = "") String code, RedirectAttributes redirect) {
        redirect.addFlashAttribute("code", code.trim());
        return "redirect:/follow-up";
    }

    @PostMapping("/follow-up/reply")
    String replyByCode(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String text,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        Outcome<ReporterView> replied = intake.replyByFollowUpCode(code.trim(), text, request.getRemoteAddr());
        if (replied instanceof Outcome.Refused<ReporterView> refused
                && refused.refusal().fields().stream().anyMatch(f -> f.field().equals("text"))) {
            redirect.addFlashAttribute(
                    "replyError", RefusalErrors.text(refused.refusal(), messages, LocaleContextHolder.getLocale()));
        } else if (replied instanceof Outcome.Done<ReporterView>) {
            redirect.addFlashAttribute("notice", text("portal.reply.sent"));
        }
        redirect.addFlashAttribute("code", code.trim());
        return "redirect:/follow-up";
    }

    /** The signed-in reporter's own reports, newest first. */
    @GetMapping("/reports")
    String myReports(@RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("reports", incidents.myReports(cursor).orRefuse());
        return "portal/my-reports";
    }

    @GetMapping("/reports/{id}")
    String myReport(@PathVariable IncidentId id, Model model) {
        Optional<ReporterView> view = incidents.reporterView(id);
        if (view.isEmpty()) {
            return "redirect:/reports";
        }
        model.addAttribute("report", view.get());
        model.addAttribute("pageAddress", "/reports/" + id);
        return "portal/my-report";
    }

    @PostMapping("/reports/{id}/reply")
    String replyAsReporter(
            @PathVariable IncidentId id,
            @RequestParam(defaultValue = "") String text,
            Model model,
            RedirectAttributes redirect) {
        if (text.isBlank()) {
            model.addAttribute("replyError", text("portal.reply.empty"));
            return myReport(id, model);
        }
        Outcome<?> replied = incidents.replyAsReporter(id, new IncidentCommands.AddNote(text.trim()));
        if (replied instanceof Outcome.Refused<?>) {
            return "redirect:/reports";
        }
        redirect.addFlashAttribute("notice", text("portal.reply.sent"));
        return "redirect:/reports/" + id;
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private String showForm(
            ReportTemplate template,
            Map<String, String> values,
            boolean confidential,
            Map<String, String> errors,
            Model model) {
        boolean signedIn = identity.currentActor().isPresent();
        model.addAttribute("template", template);
        model.addAttribute("values", values);
        model.addAttribute(
                "confidential", confidential || template.content().defaults().confidential());
        model.addAttribute("errors", errors);
        model.addAttribute("signedIn", signedIn);
        model.addAttribute("devices", signedIn ? assets.myDevices() : List.of());
        model.addAttribute("maxFileSize", attachmentRules.limitInBytes());
        model.addAttribute("maxFileSizeText", attachmentRules.limit());
        model.addAttribute("pageAddress", "/report/" + template.key());
        return "portal/form";
    }

    private String showFollowUp(String code, Outcome<ReporterView> outcome, Model model) {
        if (outcome instanceof Outcome.Refused<ReporterView> refused) {
            model.addAttribute(
                    "codeError", RefusalErrors.text(refused.refusal(), messages, LocaleContextHolder.getLocale()));
            model.addAttribute("code", code);
            return "portal/follow-up";
        }
        model.addAttribute("code", code.trim());
        model.addAttribute("report", ((Outcome.Done<ReporterView>) outcome).value());
        return "portal/follow-up";
    }

    private Optional<ReportTemplate> active(String key) {
        return intake.activeTemplates().stream()
                .filter(t -> t.key().equals(key))
                .findFirst();
    }

    /** The answers by question key; a device picked from the list wins over a description unless "other". */
    private static Map<String, String> answers(ReportTemplate template, MultiValueMap<String, String> form) {
        Map<String, String> answers = new HashMap<>();
        for (TemplateContent.Question question : template.content().questions()) {
            String given = Optional.ofNullable(form.getFirst(ANSWER + question.key()))
                    .orElse("")
                    .trim();
            if (question.kind() == QuestionKind.DEVICE) {
                String picked = Optional.ofNullable(form.getFirst("device." + question.key()))
                        .orElse("");
                if (!picked.isBlank() && !picked.equals(OTHER_DEVICE)) {
                    given = picked;
                }
            }
            if (!given.isEmpty()) {
                answers.put(question.key(), given);
            }
        }
        return answers;
    }

    /** The files by question key; a file field left empty sends a part without a name, which is no answer. */
    private static Map<String, UploadedFile> files(ReportTemplate template, HttpServletRequest request)
            throws IOException {
        Map<String, UploadedFile> files = new HashMap<>();
        if (request instanceof MultipartRequest multipart) {
            for (TemplateContent.Question question : template.content().questions()) {
                MultipartFile file = multipart.getFile("file." + question.key());
                if (question.kind() == QuestionKind.FILE
                        && file != null
                        && file.getOriginalFilename() != null
                        && !file.getOriginalFilename().isBlank()) {
                    files.put(question.key(), AttachmentApi.uploaded(file));
                }
            }
        }
        return files;
    }

    /** Field problems by question key (for {@code answers.<key>}) or by field name, in the reader's language. */
    private Map<String, String> fieldErrors(Refusal refusal) {
        Map<String, String> errors = new HashMap<>();
        refusal.fields()
                .forEach(problem -> errors.putIfAbsent(
                        problem.field().startsWith("answers.")
                                ? problem.field().substring("answers.".length())
                                : problem.field(),
                        localized(problem.message())));
        if (errors.isEmpty()) {
            errors.put("form", refusal.message());
        }
        return errors;
    }

    /** The common answer problems in the reader's language; others as the rule wrote them. */
    private String localized(String message) {
        if (message.equals("is required")) {
            return text("portal.error.required");
        }
        if (message.startsWith("must be one of")) {
            return text("portal.error.choice");
        }
        if (message.startsWith("is not a date and time")) {
            return text("portal.error.datetime");
        }
        if (message.startsWith("is not one of your registered devices")) {
            return text("portal.error.device");
        }
        if (message.startsWith(AttachmentRules.TOO_LARGE)) {
            return text("portal.error.file-too-large", attachmentRules.limit());
        }
        if (message.startsWith(AttachmentRules.PROGRAM)) {
            return text("portal.error.file-program");
        }
        if (message.startsWith(AttachmentRules.EMPTY)) {
            return text("portal.error.file-empty");
        }
        return message;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
