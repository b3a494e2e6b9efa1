package io.cairn.handling.sla;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.Status;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import io.cairn.shared.SharedRefusals;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * The admin page of SLAs ({@code /admin/sla}): business-hour calendars, the policy of each priority and the
 * escalation levels. A refused change shows the page again with the entered values and the problem next to its
 * field (overlapping hours next to the day, a cycle next to the next level).
 */
@Controller
class SlaAdminPages {

    private final SlaManagement sla;
    private final IncidentManagement incidents;
    private final IdentityManagement identity;
    private final MessageSource messages;

    SlaAdminPages(
            SlaManagement sla, IncidentManagement incidents, IdentityManagement identity, MessageSource messages) {
        this.sla = sla;
        this.incidents = incidents;
        this.identity = identity;
        this.messages = messages;
    }

    /** The calendar form as entered: one text per weekday, holidays one per line. */
    record CalendarForm(
            @Nullable String id, String name, String zone, Map<String, String> days, String holidays, long version) {

        static CalendarForm of(SlaCalendarView calendar) {
            Map<String, String> days = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                String key = day.name().toLowerCase(Locale.ROOT);
                days.put(key, String.join(", ", calendar.week().getOrDefault(key, List.of())));
            }
            return new CalendarForm(
                    calendar.id().toString(),
                    calendar.name(),
                    calendar.zone(),
                    days,
                    String.join("\n", calendar.holidays()),
                    calendar.version());
        }

        static CalendarForm empty() {
            Map<String, String> days = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                days.put(day.name().toLowerCase(Locale.ROOT), day.getValue() <= 5 ? "09:00-17:00" : "");
            }
            return new CalendarForm(null, "", "Europe/Amsterdam", days, "", 0);
        }

        CalendarDefinition definition() {
            Map<String, List<String>> week = new LinkedHashMap<>();
            days.forEach((day, text) -> week.put(
                    day,
                    Arrays.stream(text.split("[,;\\s]+"))
                            .filter(part -> !part.isBlank())
                            .toList()));
            return new CalendarDefinition(
                    name,
                    zone,
                    week,
                    Arrays.stream(holidays.split("[,;\\s]+"))
                            .filter(part -> !part.isBlank())
                            .toList(),
                    version);
        }
    }

    /** The escalation level form as entered. */
    record LevelForm(
            @Nullable String id,
            String name,
            String notifyKind,
            String notifyTarget,
            String waitFor,
            String next,
            long version) {

        static LevelForm empty() {
            return new LevelForm(null, "", "role", "coordinator", "30m", "", 0);
        }

        static LevelForm of(EscalationLevelView level) {
            return new LevelForm(
                    level.id().toString(),
                    level.name(),
                    level.notifyKind(),
                    level.notifyTarget(),
                    SlaDurations.text(java.time.Duration.parse(level.waitFor())),
                    level.next() == null ? "" : level.next().toString(),
                    level.version());
        }

        EscalationLevelDefinition definition() {
            return new EscalationLevelDefinition(
                    name,
                    notifyKind,
                    notifyTarget,
                    waitFor,
                    next.isBlank() ? null : EscalationLevelId.valueOf(next),
                    version);
        }
    }

    @GetMapping("/admin/sla")
    String page(
            @RequestParam(required = false) @Nullable SlaCalendarId calendar,
            @RequestParam(required = false) @Nullable EscalationLevelId level,
            Model model) {
        requireAdmin();
        Outcome<SlaCalendarView> chosen =
                calendar == null ? Outcome.refused(Refusal.notFound("calendar")) : sla.calendar(calendar);
        CalendarForm calendarForm = chosen instanceof Outcome.Done<SlaCalendarView> done
                ? CalendarForm.of(done.value())
                : CalendarForm.empty();
        LevelForm levelForm = level == null
                ? LevelForm.empty()
                : sla.escalationLevels().orRefuse().stream()
                        .filter(found -> found.id().equals(level))
                        .findFirst()
                        .map(LevelForm::of)
                        .orElseGet(LevelForm::empty);
        return show(model, calendarForm, levelForm, null, Map.of());
    }

    @PostMapping("/admin/sla/calendars")
    String saveCalendar(
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect, Locale locale) {
        requireAdmin();
        Map<String, String> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String key = day.name().toLowerCase(Locale.ROOT);
            days.put(key, text(form, "week." + key));
        }
        String id = text(form, "id");
        CalendarForm entered = new CalendarForm(
                id.isBlank() ? null : id,
                text(form, "name"),
                text(form, "zone"),
                days,
                text(form, "holidays"),
                number(text(form, "version")));
        Outcome<SlaCalendarView> saved;
        try {
            saved = id.isBlank()
                    ? sla.createCalendar(entered.definition())
                    : sla.changeCalendar(SlaCalendarId.valueOf(id), entered.definition());
        } catch (IllegalArgumentException notAnId) {
            saved = Outcome.refused(Refusal.invalid("form", SharedRefusals.GIVEN_TEXT, notAnIdMessage(notAnId)));
        }
        if (saved instanceof Outcome.Refused<SlaCalendarView> refused) {
            return show(model, entered, LevelForm.empty(), null, errors("calendar.", refused.refusal()));
        }
        redirect.addFlashAttribute("notice", messages.getMessage("sla.admin.calendar-saved", null, locale));
        return "redirect:/admin/sla";
    }

    @PostMapping("/admin/sla/calendars/{id}/remove")
    String removeCalendar(@PathVariable SlaCalendarId id, RedirectAttributes redirect, Locale locale) {
        requireAdmin();
        Outcome<SlaCalendarView> removed = sla.removeCalendar(id);
        flash(redirect, removed, "sla.admin.calendar-removed", locale);
        return "redirect:/admin/sla";
    }

    @PostMapping("/admin/sla/policies/{priority}")
    String savePolicy(
            @PathVariable String priority,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        requireAdmin();
        String calendar = text(form, "calendar");
        String level = text(form, "escalationLevel");
        String warning = text(form, "warningPercent");
        Integer percent;
        try {
            percent = warning.isBlank() ? null : Integer.valueOf(warning.trim());
        } catch (NumberFormatException e) {
            percent = -1;
        }
        Outcome<SlaPolicyView> saved;
        try {
            saved = sla.setPolicy(
                    priority,
                    new SlaPolicyDefinition(
                            text(form, "responseTarget"),
                            text(form, "resolutionTarget"),
                            calendar.isBlank() ? null : SlaCalendarId.valueOf(calendar),
                            form.getOrDefault("pauseStatuses", List.of()),
                            percent,
                            level.isBlank() ? null : EscalationLevelId.valueOf(level),
                            null));
        } catch (IllegalArgumentException notAnId) {
            saved = Outcome.refused(Refusal.invalid("calendar", SharedRefusals.GIVEN_TEXT, notAnIdMessage(notAnId)));
        }
        if (saved instanceof Outcome.Refused<SlaPolicyView> refused) {
            Map<String, String> errors = errors("policy." + priority + ".", refused.refusal());
            Map<String, String> entered = new HashMap<>(form.toSingleValueMap());
            entered.put("priority", priority);
            return show(model, CalendarForm.empty(), LevelForm.empty(), entered, errors);
        }
        redirect.addFlashAttribute(
                "notice", messages.getMessage("sla.admin.policy-saved", new Object[] {priority}, locale));
        return "redirect:/admin/sla";
    }

    @PostMapping("/admin/sla/escalation-levels")
    String saveLevel(
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect, Locale locale) {
        requireAdmin();
        String id = text(form, "id");
        LevelForm entered = new LevelForm(
                id.isBlank() ? null : id,
                text(form, "name"),
                text(form, "notifyKind"),
                text(form, "notifyTarget"),
                text(form, "waitFor"),
                text(form, "next"),
                number(text(form, "version")));
        Outcome<EscalationLevelView> saved;
        try {
            saved = id.isBlank()
                    ? sla.createEscalationLevel(entered.definition())
                    : sla.changeEscalationLevel(EscalationLevelId.valueOf(id), entered.definition());
        } catch (IllegalArgumentException notAnId) {
            saved = Outcome.refused(Refusal.invalid("next", SharedRefusals.GIVEN_TEXT, notAnIdMessage(notAnId)));
        }
        if (saved instanceof Outcome.Refused<EscalationLevelView> refused) {
            return show(model, CalendarForm.empty(), entered, null, errors("level.", refused.refusal()));
        }
        redirect.addFlashAttribute("notice", messages.getMessage("sla.admin.level-saved", null, locale));
        return "redirect:/admin/sla";
    }

    @PostMapping("/admin/sla/escalation-levels/{id}/remove")
    String removeLevel(@PathVariable EscalationLevelId id, RedirectAttributes redirect, Locale locale) {
        requireAdmin();
        flash(redirect, sla.removeEscalationLevel(id), "sla.admin.level-removed", locale);
        return "redirect:/admin/sla";
    }

    private String show(
            Model model,
            CalendarForm calendarForm,
            LevelForm levelForm,
            @Nullable Map<String, String> policyEntered,
            Map<String, String> errors) {
        model.addAttribute("calendars", sla.calendars().orRefuse());
        model.addAttribute("policies", sla.policies().orRefuse());
        model.addAttribute("levels", sla.escalationLevels().orRefuse());
        model.addAttribute("priorities", incidents.priorityMatrix().priorities());
        model.addAttribute(
                "statuses",
                Arrays.stream(Status.values())
                        .filter(status -> status.isOpen() && status != Status.REVIEW)
                        .map(Status::code)
                        .toList());
        model.addAttribute("calendarForm", calendarForm);
        model.addAttribute("levelForm", levelForm);
        model.addAttribute("policyEntered", policyEntered == null ? Map.of() : policyEntered);
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            model.addAttribute("problem", errors.values().iterator().next());
        }
        model.addAttribute("pageAddress", "/admin/sla");
        return "sla/admin";
    }

    private Map<String, String> errors(String prefix, Refusal refusal) {
        return RefusalErrors.byField(refusal, messages, LocaleContextHolder.getLocale(), prefix::concat);
    }

    private void flash(RedirectAttributes redirect, Outcome<?> outcome, String done, Locale locale) {
        if (outcome instanceof Outcome.Refused<?> refused) {
            redirect.addFlashAttribute("problem", refused.refusal().message());
        } else {
            redirect.addFlashAttribute("notice", messages.getMessage(done, null, locale));
        }
    }

    private void requireAdmin() {
        if (!identity.requireActor().has(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static long number(String text) {
        try {
            return text.isBlank() ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** What the id that could not be read is; {@link io.cairn.shared.UuidText} always says it. */
    private static String notAnIdMessage(IllegalArgumentException notAnId) {
        return Objects.requireNonNullElse(notAnId.getMessage(), "is not a valid id (a UUID)");
    }
}
