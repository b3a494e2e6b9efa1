package io.cairn.isms.schedules;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of schedules: the list (name, type, the rule in words, the next occurrence, active or paused), and one
 * page per schedule with the editor (presets that fill in the rule, the preview of the next occurrences) and the
 * history of its occurrences. Handlers read them; admins and coordinators edit; anyone else is answered 404. Without
 * script, the preset and the preview are buttons that post the form and show it again.
 */
@Controller
class SchedulePages {

    private static final String DEFAULT_RULE = "FREQ=MONTHLY;BYDAY=1MO";

    private final ProcedureSchedules schedules;
    private final ScheduleEditorModel editor;
    private final MessageSource messages;
    private final java.time.Clock clock;

    SchedulePages(
            ProcedureSchedules schedules, ScheduleEditorModel editor, MessageSource messages, java.time.Clock clock) {
        this.schedules = schedules;
        this.editor = editor;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/procedure-schedules")
    String list(Model model) {
        model.addAttribute("schedules", readable(schedules.schedules()));
        model.addAttribute("canEdit", schedules.mayEdit());
        return "isms/admin-procedure-schedules";
    }

    @GetMapping("/admin/procedure-schedules/new")
    String newSchedule(Model model) {
        requireEditor();
        ZoneId zone = clock.getZone();
        ScheduleDraft draft = new ScheduleDraft(
                "",
                "",
                "",
                Map.of(),
                DEFAULT_RULE,
                LocalDate.now(clock).toString(),
                "09:00",
                zone.getId().contains("/") ? zone.getId() : "UTC",
                null,
                NonWorkingDay.NEXT_WORKING_DAY.code());
        return page(null, draft, preview(draft), Map.of(), model);
    }

    @GetMapping("/admin/procedure-schedules/{id}")
    String schedule(@PathVariable ScheduleId id, Model model) {
        ScheduleDraft draft = readable(schedules.draft(id));
        return page(readable(schedules.schedule(id)), draft, preview(draft), Map.of(), model);
    }

    @PostMapping("/admin/procedure-schedules")
    String add(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        requireEditor();
        return posted(null, ScheduleForm.read(form), model, redirect);
    }

    @PostMapping("/admin/procedure-schedules/{id}")
    String revise(
            @PathVariable ScheduleId id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        requireEditor();
        return posted(readable(schedules.schedule(id)), ScheduleForm.read(form), model, redirect);
    }

    @PostMapping("/admin/procedure-schedules/{id}/{change:pause|resume|delete}")
    String change(
            @PathVariable ScheduleId id,
            @PathVariable String change,
            @RequestParam long version,
            RedirectAttributes redirect) {
        requireEditor();
        Outcome<ScheduleView> outcome = switch (change) {
            case "pause" -> schedules.pause(id, version);
            case "resume" -> schedules.resume(id, version);
            default -> schedules.remove(id, version);
        };
        if (outcome instanceof Outcome.Refused<ScheduleView> refused) {
            redirect.addFlashAttribute(
                    "problem", RefusalErrors.text(refused.refusal(), messages, LocaleContextHolder.getLocale()));
            return "redirect:/admin/procedure-schedules/" + id;
        }
        redirect.addFlashAttribute(
                "notice", ((Outcome.Done<ScheduleView>) outcome).value().name());
        return change.equals("delete")
                ? "redirect:/admin/procedure-schedules"
                : "redirect:/admin/procedure-schedules/" + id;
    }

    private String posted(
            @Nullable ScheduleView schedule, ScheduleForm form, Model model, RedirectAttributes redirect) {
        if (!form.action().equals("save")) {
            ScheduleDraft draft = form.action().equals("preset") ? form.withPreset() : form.draft();
            return page(schedule, draft, preview(draft), Map.of(), model);
        }
        long version = schedule == null ? 0 : schedule.version();
        Outcome<ScheduleView> outcome =
                schedule == null ? schedules.add(form.draft()) : schedules.revise(schedule.id(), form.draft(), version);
        if (outcome instanceof Outcome.Done<ScheduleView> done) {
            redirect.addFlashAttribute("notice", done.value().name());
            return "redirect:/admin/procedure-schedules/" + done.value().id();
        }
        Refusal refusal = ((Outcome.Refused<ScheduleView>) outcome).refusal();
        Map<String, String> errors =
                RefusalErrors.byField(refusal, messages, LocaleContextHolder.getLocale(), field -> field);
        return page(schedule, form.draft(), preview(form.draft()), errors, model);
    }

    private Outcome<SchedulePreview> preview(ScheduleDraft draft) {
        return schedules.preview(draft, ScheduleReading.PREVIEW);
    }

    private String page(
            @Nullable ScheduleView schedule,
            ScheduleDraft draft,
            Outcome<SchedulePreview> preview,
            Map<String, String> errors,
            Model model) {
        model.addAttribute("schedule", schedule);
        model.addAttribute("draft", draft);
        model.addAttribute("preset", ScheduleForm.PresetChoice.of(draft.recurrence()));
        model.addAttribute("errors", errors);
        model.addAttribute("canEdit", schedules.mayEdit());
        model.addAttribute("preview", preview instanceof Outcome.Done<SchedulePreview> done ? done.value() : null);
        model.addAttribute(
                "previewProblem",
                preview instanceof Outcome.Refused<SchedulePreview> refused
                        ? RefusalErrors.text(refused.refusal(), messages, LocaleContextHolder.getLocale())
                        : null);
        model.addAttribute(
                "occurrences", schedule == null ? List.of() : readable(schedules.occurrences(schedule.id())));
        editor.addTo(model, draft, readable(schedules.types()));
        return "isms/admin-procedure-schedule";
    }

    /** The value read; a refusal to read is answered 404, as if there were no schedules. */
    private static <T> T readable(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            return done.value();
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private void requireEditor() {
        if (!schedules.mayEdit()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
