package io.cairn.isms.runs;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of one step for the person who works on it or decides it: what to do, only the form fields it names, and
 * how to tell that the request is real (it comes from a security procedure of this Cairn, with its reference and
 * owner), and the files attached to it, with a form to attach one while the step is open. The run's page posts its step actions here too, and is shown again after them ({@code from=run}).
 */
@Controller
class StepPages {

    private final ProcedureRuns runs;
    private final StepAttachments attachments;
    private final MessageSource messages;

    StepPages(ProcedureRuns runs, StepAttachments attachments, MessageSource messages) {
        this.runs = runs;
        this.attachments = attachments;
        this.messages = messages;
    }

    @GetMapping("/procedures/steps/{id}")
    String step(@PathVariable RunStepId id, Model model) {
        model.addAttribute("step", RunPages.found(runs.step(id)));
        model.addAttribute("attachments", RunPages.found(attachments.of(id)));
        model.addAttribute("mayAttach", attachments.mayAttach(id));
        model.addAttribute("attachmentLimit", attachments.limit());
        if (!model.containsAttribute("attachmentProblems")) {
            model.addAttribute("attachmentProblems", Map.of());
        }
        model.addAttribute("now", Instant.now());
        model.addAttribute("pageAddress", "/procedures/steps/" + id);
        return "isms/step";
    }

    @PostMapping("/procedures/steps/{id}/complete")
    String complete(
            @PathVariable RunStepId id,
            @RequestParam long version,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String from,
            RedirectAttributes redirect) {
        return afterwards(id, runs.complete(id, note, version), from, redirect);
    }

    /** Attaches a file from the step page's form; the page shows it listed, or the problem beside the form. */
    @PostMapping("/procedures/steps/{id}/attachments")
    String attach(
            @PathVariable RunStepId id,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String description,
            RedirectAttributes redirect)
            throws IOException {
        Outcome<StepAttachment> attached = file == null || file.isEmpty()
                ? Outcome.refused(Refusal.invalid("file", AttachmentRefusals.FILE_EMPTY))
                : attachments.attach(
                        id, file.getOriginalFilename(), file.getContentType(), description, file.getInputStream());
        if (attached instanceof Outcome.Refused<StepAttachment> refused) {
            if (refused.refusal().kind() == Refusal.Kind.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute(
                    "attachmentProblems",
                    RefusalErrors.byField(refused.refusal(), messages, LocaleContextHolder.getLocale(), f -> f));
            redirect.addFlashAttribute("attachmentDescription", description);
        } else {
            redirect.addFlashAttribute(
                    "attachedNotice",
                    ((Outcome.Done<StepAttachment>) attached).value().fileName());
        }
        return "redirect:/procedures/steps/" + id + "#step-attachments";
    }

    @PostMapping("/procedures/steps/{id}/skip")
    String skip(
            @PathVariable RunStepId id,
            @RequestParam long version,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String from,
            RedirectAttributes redirect) {
        return afterwards(id, runs.skip(id, reason, version), from, redirect);
    }

    @PostMapping("/procedures/steps/{id}/decision")
    String decide(
            @PathVariable RunStepId id,
            @RequestParam long version,
            @RequestParam boolean approved,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String from,
            RedirectAttributes redirect) {
        return afterwards(id, runs.decide(id, approved, note, version), from, redirect);
    }

    private String afterwards(
            RunStepId id, Outcome<StepWork> outcome, @Nullable String from, RedirectAttributes redirect) {
        StepWork step = RunPages.found(runs.step(id));
        if (outcome instanceof Outcome.Refused<StepWork> refused) {
            Refusal refusal = refused.refusal();
            if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            Map<String, String> problems =
                    RefusalErrors.byField(refusal, messages, LocaleContextHolder.getLocale(), field -> field);
            redirect.addFlashAttribute("stepProblems", problems);
            redirect.addFlashAttribute("problemStep", id.toString());
        } else {
            redirect.addFlashAttribute("notice", step.title());
        }
        return "run".equals(from)
                ? "redirect:/procedures/runs/" + step.run() + "#step-" + id
                : "redirect:/procedures/steps/" + id;
    }
}
