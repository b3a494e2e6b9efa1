package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Pap;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import io.cairn.shared.Tlp;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One incident: every field, its links and timeline, and the actions on it as forms. Each action posts, and
 * redirects back on success; on a refusal the page is shown again with the message next to the field at fault.
 * Every form that changes the incident carries the version the user saw, so a change made meanwhile by someone else
 * is reported instead of overwritten. Reporters read their incident and may add notes; others see a 404.
 */
@Controller
@RequestMapping("/incidents/{id}")
class IncidentPages {

    private final IncidentManagement incidents;
    private final ObjectProvider<IncidentPageSection> sections;
    private final IdentityManagement identity;
    private final PageChoices choices;
    private final TimelineTexts timelineTexts;
    private final MessageSource messages;

    IncidentPages(IncidentManagement incidents, IdentityManagement identity, PageChoices choices,
            TimelineTexts timelineTexts, MessageSource messages, ObjectProvider<IncidentPageSection> sections) {
        this.incidents = incidents;
        this.sections = sections;
        this.identity = identity;
        this.choices = choices;
        this.timelineTexts = timelineTexts;
        this.messages = messages;
    }

    // --- the forms -----------------------------------------------------------------------------------------------

    record AssignForm(@Nullable String owner, @Nullable String team, @Nullable String businessUnit,
            @NotNull Long version) {}

    record PriorityForm(@NotBlank String impact, @NotBlank String urgency, @NotNull Long version) {}

    record CategoryForm(@NotBlank String category, @Nullable Severity severity,
            @Nullable Determination determination, @NotNull Long version) {}

    record TransitionForm(@NotBlank String to, @Nullable @Size(max = 5_000) String reason, @NotNull Long version) {}

    record NoteForm(@NotBlank @Size(max = 20_000) String text) {}

    record LinkForm(@NotBlank @Size(max = 100) String target, @NotNull LinkKind kind) {}

    record MergeForm(@NotBlank @Size(max = 100) String target, @NotNull Long version) {}

    record MarkForm(@NotNull Tlp tlp, @NotNull Pap pap, @Nullable Boolean confidential,
            @Nullable @Size(max = 5_000) String reason, @NotNull Long version) {}

    record DescribeForm(@NotBlank @Size(max = IncidentTitle.MAX_LENGTH) String title,
            @NotBlank @Size(max = 20_000) String description,
            @NotNull Long version) {}

    record TimesForm(
            @Nullable @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
            LocalDateTime occurredAt,
            @Nullable @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
            LocalDateTime detectedAt,
            @NotNull Long version) {}

    /** A link of this incident as the page lists it. */
    record LinkItem(String kindKey, IncidentId other, String reference, String title) {}

    // --- reading -------------------------------------------------------------------------------------------------

    @GetMapping
    String show(@PathVariable String id, Model model) {
        Optional<IncidentId> canonical = parseId(id);
        if (canonical.isEmpty()) {
            IncidentId found = incidents.resolveReference(id).orElseThrow(IncidentPages::notFound);
            return "redirect:/incidents/" + found;
        }
        return page(canonical.get(), null, model);
    }

    /** A form's address opened as a page (a bookmark, a language switch after an error) shows the incident. */
    @GetMapping("/{action:assign|reprioritise|recategorise|transition|notes|links|merge|mark|describe|times}")
    String formAddress(@PathVariable String id, @PathVariable String action) {
        return "redirect:/incidents/" + idOf(id);
    }

    // --- acting --------------------------------------------------------------------------------------------------

    @PostMapping("/assign")
    String assign(@PathVariable String id, @Valid @ModelAttribute("assignForm") AssignForm form,
            BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        IncidentId incident = idOf(id);
        UserId owner = FormIds.parse(form.owner(), UserId::valueOf, "owner", errors);
        TeamId team = FormIds.parse(form.team(), TeamId::valueOf, "team", errors);
        BusinessUnitId unit = FormIds.parse(form.businessUnit(), BusinessUnitId::valueOf, "businessUnit", errors);
        return act(incident, "assign", errors, model, redirect, response, () -> incidents.assign(incident,
                new IncidentCommands.Assign(owner, team, unit, form.version())));
    }

    @PostMapping("/reprioritise")
    String reprioritise(@PathVariable String id, @Valid @ModelAttribute("priorityForm") PriorityForm form,
            BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        IncidentId incident = idOf(id);
        return act(incident, "reprioritise", errors, model, redirect, response, () -> incidents.reprioritise(
                incident, new IncidentCommands.Reprioritise(form.impact(), form.urgency(), form.version())));
    }

    @PostMapping("/recategorise")
    String recategorise(@PathVariable String id, @Valid @ModelAttribute("categoryForm") CategoryForm form,
            BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        IncidentId incident = idOf(id);
        Optional<Category> category = PageChoices.categoryOf(form.category());
        if (category.isEmpty() && !errors.hasFieldErrors("category")) {
            errors.rejectValue("category", "form.unknown-choice", "is not a category");
        }
        return act(incident, "recategorise", errors, model, redirect, response, () -> incidents.recategorise(
                incident, new IncidentCommands.Recategorise(category.orElseThrow(), form.severity(),
                        form.determination(), form.version())));
    }

    @PostMapping("/transition")
    String transition(@PathVariable String id, @Valid @ModelAttribute("transitionForm") TransitionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        IncidentId incident = idOf(id);
        Status to = null;
        if (!errors.hasFieldErrors("to")) {
            try {
                to = Status.fromCode(form.to());
            } catch (IllegalArgumentException unknown) {
                errors.rejectValue("to", "form.unknown-choice", "is not a status");
            }
        }
        Status target = to;
        return act(incident, "transition", errors, model, redirect, response, () -> incidents.transition(incident,
                new IncidentCommands.Transition(target, form.reason(), form.version())));
    }

    @PostMapping("/notes")
    String addNote(@PathVariable String id, @Valid @ModelAttribute("noteForm") NoteForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        IncidentId incident = idOf(id);
        return act(incident, "note", errors, model, redirect, response,
                () -> incidents.addNote(incident, new IncidentCommands.AddNote(form.text())));
    }

    @PostMapping("/links")
    String link(@PathVariable String id, @Valid @ModelAttribute("linkForm") LinkForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        IncidentId incident = idOf(id);
        IncidentId target = other(form.target(), errors);
        return act(incident, "link", errors, model, redirect, response,
                () -> incidents.link(incident, new IncidentCommands.Link(target, form.kind())));
    }

    @PostMapping("/merge")
    String merge(@PathVariable String id, @Valid @ModelAttribute("mergeForm") MergeForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        IncidentId incident = idOf(id);
        IncidentId target = other(form.target(), errors);
        return act(incident, "merge", errors, model, redirect, response,
                () -> incidents.merge(incident, new IncidentCommands.Merge(target, form.version())));
    }

    @PostMapping("/mark")
    String mark(@PathVariable String id, @Valid @ModelAttribute("markForm") MarkForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        IncidentId incident = idOf(id);
        return act(incident, "mark", errors, model, redirect, response, () -> incidents.mark(incident,
                new IncidentCommands.Mark(form.tlp(), form.pap(), Boolean.TRUE.equals(form.confidential()),
                        form.reason(), form.version())));
    }

    @PostMapping("/describe")
    String describe(@PathVariable String id, @Valid @ModelAttribute("describeForm") DescribeForm form,
            BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        IncidentId incident = idOf(id);
        return act(incident, "describe", errors, model, redirect, response, () -> incidents.describe(incident,
                new IncidentCommands.Describe(form.title(), form.description(), form.version())));
    }

    @PostMapping("/times")
    String recordTimes(@PathVariable String id, @Valid @ModelAttribute("timesForm") TimesForm form,
            BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        IncidentId incident = idOf(id);
        return act(incident, "times", errors, model, redirect, response, () -> incidents.recordTimes(incident,
                new IncidentCommands.RecordTimes(utc(form.occurredAt()), utc(form.detectedAt()), form.version())));
    }

    /**
     * Carries out an action whose form is valid, then redirects to the incident with a notice; shows the page again
     * with the problems otherwise. A refusal to see or to change the incident at all is a 404 or 403 page.
     */
    private String act(IncidentId id, String action, BindingResult errors, Model model, RedirectAttributes redirect,
            HttpServletResponse response, Supplier<Outcome<?>> command) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(id, action, model);
        }
        Outcome<?> outcome = command.get();
        if (outcome instanceof Outcome.Refused<?> refused) {
            Refusal refusal = refused.refusal();
            switch (refusal.kind()) {
                case NOT_FOUND -> throw notFound();
                case FORBIDDEN -> throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal.message());
                default -> {
                    RefusalErrors.reject(refusal, errors);
                    response.setStatus(refusal.kind().status());
                    return page(id, action, model);
                }
            }
        }
        redirect.addFlashAttribute("notice", messages.getMessage("incident.done." + action, null,
                LocaleContextHolder.getLocale()));
        return "redirect:/incidents/" + id + (action.equals("note") ? "#timeline" : "");
    }

    // --- the page ------------------------------------------------------------------------------------------------

    private String page(IncidentId id, @Nullable String openAction, Model model) {
        Actor actor = identity.requireActor();
        IncidentView incident = incidents.incident(id).orElseThrow(IncidentPages::notFound);
        boolean handles = PageChoices.handles(actor);
        model.addAttribute("incident", incident);
        model.addAttribute("headerSections", sections(id, IncidentPageSection.Place.HEADER));
        model.addAttribute("mainSections", sections(id, IncidentPageSection.Place.MAIN));
        model.addAttribute("categoryLabel", incidents.categoryLabel(incident.category()));
        model.addAttribute("names", names(incident));
        model.addAttribute("mergedInto", incident.mergedInto() == null ? null
                : incidents.incident(incident.mergedInto()).orElse(null));
        model.addAttribute("timeline", timelineTexts.of(incidents.timeline(id).orElse(List.of())));
        model.addAttribute("links", links(id));
        model.addAttribute("handles", handles);
        model.addAttribute("notes", handles || actor.id().equals(incident.reporter())
                || actor.has(Role.PRIVACY_OFFICER));
        model.addAttribute("openAction", openAction);
        model.addAttribute("pageAddress", "/incidents/" + id);
        model.addAttribute("lifecycle", lifecycle(incident.status()));
        model.addAttribute("noteForm", model.containsAttribute("noteForm") ? model.getAttribute("noteForm")
                : new NoteForm(""));
        if (handles) {
            addActionForms(incident, model);
        }
        return "incidents/show";
    }

    /** A section of another module on the page: its element id and the path htmx loads it from. */
    record Section(String id, String path) {}

    private List<Section> sections(IncidentId id, IncidentPageSection.Place place) {
        return sections.stream().filter(section -> section.place() == place)
                .sorted(java.util.Comparator.comparingInt(IncidentPageSection::order)
                        .thenComparing(IncidentPageSection::id))
                .map(section -> new Section(section.id(), section.path(id))).toList();
    }

    private void addActionForms(IncidentView incident, Model model) {
        long version = incident.version();
        model.addAttribute("nextStatuses", new ArrayList<>(incident.status().next()));
        model.addAttribute("owners", ownersIncluding(incident.owner()));
        model.addAttribute("teams", choices.teams());
        model.addAttribute("businessUnits", choices.businessUnits());
        model.addAttribute("categories", choices.categories());
        model.addAttribute("matrix", choices.matrix());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("determinations", Determination.values());
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("paps", Pap.values());
        model.addAttribute("linkKinds", LinkKind.values());
        addIfAbsent(model, "assignForm", () -> new AssignForm(text(incident.owner()), text(incident.team()),
                text(incident.businessUnit()), version));
        addIfAbsent(model, "priorityForm", () -> new PriorityForm(incident.impact(), incident.urgency(), version));
        addIfAbsent(model, "categoryForm", () -> new CategoryForm(PageChoices.valueOf(incident.category()),
                incident.severity(), incident.determination(), version));
        addIfAbsent(model, "transitionForm", () -> new TransitionForm("", "", version));
        addIfAbsent(model, "linkForm", () -> new LinkForm("", LinkKind.RELATED));
        addIfAbsent(model, "mergeForm", () -> new MergeForm("", version));
        addIfAbsent(model, "markForm", () -> new MarkForm(incident.tlp(), incident.pap(), incident.confidential(),
                "", version));
        addIfAbsent(model, "describeForm", () -> new DescribeForm(incident.title(), incident.description(),
                version));
        addIfAbsent(model, "timesForm", () -> new TimesForm(local(incident.occurredAt()),
                local(incident.detectedAt()), version));
    }

    /** One step of the lifecycle as the page draws it: passed, where the incident is now, or still ahead. */
    record Step(Status status, boolean passed, boolean current) {}

    /** The path from new to closed with the incident's place on it; a dismissed incident ends after triage. */
    static List<Step> lifecycle(Status now) {
        List<Status> path = now == Status.DISMISSED
                ? List.of(Status.NEW, Status.TRIAGE, Status.DISMISSED)
                : List.of(Status.NEW, Status.TRIAGE, Status.ANALYSIS, Status.CONTAINMENT, Status.ERADICATION,
                        Status.RECOVERY, Status.REVIEW, Status.CLOSED);
        int at = path.indexOf(now);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            steps.add(new Step(path.get(i), i < at, i == at));
        }
        return steps;
    }

    /** Names of the people, team and business unit the incident refers to. */
    private Map<String, String> names(IncidentView incident) {
        Map<String, String> names = new HashMap<>();
        Set<UserId> people = new HashSet<>();
        if (incident.reporter() != null) {
            people.add(incident.reporter());
        }
        if (incident.owner() != null) {
            people.add(incident.owner());
        }
        Map<UserId, String> displayNames = identity.displayNames(people);
        names.put("reporter", incident.reporter() == null ? messages.getMessage("incident.reporter.anonymous", null,
                LocaleContextHolder.getLocale()) : displayNames.getOrDefault(incident.reporter(), ""));
        if (incident.owner() != null) {
            names.put("owner", displayNames.getOrDefault(incident.owner(), incident.owner().toString()));
        }
        if (incident.team() != null) {
            names.put("team", identity.teamNames().getOrDefault(incident.team(), incident.team().toString()));
        }
        if (incident.businessUnit() != null) {
            names.put("businessUnit", identity.businessUnitNames().getOrDefault(incident.businessUnit(),
                    incident.businessUnit().toString()));
        }
        return names;
    }

    private List<PageChoices.Person> ownersIncluding(@Nullable UserId owner) {
        List<PageChoices.Person> owners = new ArrayList<>(choices.owners());
        if (owner != null && owners.stream().noneMatch(person -> person.id().equals(owner.toString()))) {
            owners.add(0, new PageChoices.Person(owner.toString(),
                    identity.displayNames(Set.of(owner)).getOrDefault(owner, owner.toString())));
        }
        return owners;
    }

    private List<LinkItem> links(IncidentId id) {
        return incidents.links(id).orElse(List.of()).stream()
                .map(link -> new LinkItem(linkKey(link), link.other(), link.otherReference(), link.otherTitle()))
                .toList();
    }

    /** The words for a link read from this incident's side: "duplicate of" one way, "has duplicate" the other. */
    private static String linkKey(IncidentLink link) {
        return switch (link.kind()) {
            case RELATED -> "link.related";
            case DUPLICATE_OF -> link.outgoing() ? "link.duplicate-of" : "link.has-duplicate";
            case PARENT_OF -> link.outgoing() ? "link.parent-of" : "link.child-of";
        };
    }

    private @Nullable IncidentId other(@Nullable String reference, BindingResult errors) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        Optional<IncidentId> other = incidents.resolveReference(reference);
        if (other.isEmpty()) {
            errors.rejectValue("target", "incident.target.unknown", "no incident you may see has this reference");
        }
        return other.orElse(null);
    }

    private IncidentId idOf(String text) {
        return parseId(text).orElseThrow(IncidentPages::notFound);
    }

    private static Optional<IncidentId> parseId(String text) {
        try {
            return Optional.of(new IncidentId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static void addIfAbsent(Model model, String name, Supplier<Object> form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form.get());
        }
    }

    private static String text(@Nullable Object id) {
        return id == null ? "" : id.toString();
    }

    private static @Nullable LocalDateTime local(@Nullable Instant time) {
        return time == null ? null : LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    private static @Nullable Instant utc(@Nullable LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
