package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.UserId;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The model of one incident's page: every field with the names of the people and teams it refers to, the lifecycle
 * with the incident's place on it, its links and timeline, other modules' sections, and for handlers the forms of
 * the actions, filled with the incident's values unless a refused form is shown again.
 */
@Component
class IncidentPageModel {

    private final IncidentManagement incidents;
    private final ObjectProvider<IncidentPageSection> sections;
    private final IdentityManagement identity;
    private final PageChoices choices;
    private final TimelineTexts timelineTexts;
    private final MessageSource messages;

    IncidentPageModel(
            IncidentManagement incidents,
            IdentityManagement identity,
            PageChoices choices,
            TimelineTexts timelineTexts,
            MessageSource messages,
            ObjectProvider<IncidentPageSection> sections) {
        this.incidents = incidents;
        this.sections = sections;
        this.identity = identity;
        this.choices = choices;
        this.timelineTexts = timelineTexts;
        this.messages = messages;
    }

    /** A link of this incident as the page lists it. */
    record LinkItem(String kindKey, IncidentId other, String reference, String title) {}

    /** Fills the model of the incident's page, with the form of {@code openAction} open; a 404 if it is not visible. */
    String show(IncidentId id, @Nullable String openAction, Model model) {
        Actor actor = identity.requireActor();
        IncidentView incident = incidents.incident(id).orElseThrow(IncidentPages::notFound);
        boolean handles = PageChoices.handles(actor);
        model.addAttribute("incident", incident);
        model.addAttribute("headerSections", sections(id, IncidentPageSection.Place.HEADER));
        model.addAttribute("mainSections", sections(id, IncidentPageSection.Place.MAIN));
        model.addAttribute("categoryLabel", incidents.categoryLabel(incident.category()));
        model.addAttribute("names", names(incident));
        model.addAttribute(
                "mergedInto",
                incident.mergedInto() == null
                        ? null
                        : incidents.incident(incident.mergedInto()).orElse(null));
        model.addAttribute("timeline", timelineTexts.of(incidents.timeline(id).orElse(List.of())));
        model.addAttribute("links", links(id));
        model.addAttribute("handles", handles);
        model.addAttribute(
                "notes", handles || actor.id().equals(incident.reporter()) || actor.has(Role.PRIVACY_OFFICER));
        model.addAttribute("openAction", openAction);
        model.addAttribute("pageAddress", "/incidents/" + id);
        model.addAttribute("lifecycle", lifecycle(incident.status()));
        model.addAttribute(
                "noteForm",
                model.containsAttribute("noteForm") ? model.getAttribute("noteForm") : new IncidentForms.NoteForm(""));
        if (handles) {
            addActionForms(incident, model);
        }
        return "incidents/show";
    }

    /** A section of another module on the page: its element id and the path htmx loads it from. */
    record Section(String id, String path) {}

    private List<Section> sections(IncidentId id, IncidentPageSection.Place place) {
        return sections.stream()
                .filter(section -> section.place() == place)
                .sorted(Comparator.comparingInt(IncidentPageSection::order).thenComparing(IncidentPageSection::id))
                .map(section -> new Section(section.id(), section.path(id)))
                .toList();
    }

    private void addActionForms(IncidentView incident, Model model) {
        addActionChoices(incident, model);
        long version = incident.version();
        addIfAbsent(
                model,
                "assignForm",
                () -> new IncidentForms.AssignForm(
                        text(incident.owner()), text(incident.team()), text(incident.businessUnit()), version));
        addIfAbsent(
                model,
                "priorityForm",
                () -> new IncidentForms.PriorityForm(incident.impact(), incident.urgency(), version));
        addIfAbsent(
                model,
                "categoryForm",
                () -> new IncidentForms.CategoryForm(
                        PageChoices.valueOf(incident.category()),
                        incident.severity(),
                        incident.determination(),
                        version));
        addIfAbsent(model, "transitionForm", () -> new IncidentForms.TransitionForm("", "", version));
        addIfAbsent(model, "linkForm", () -> new IncidentForms.LinkForm("", LinkKind.RELATED));
        addIfAbsent(model, "mergeForm", () -> new IncidentForms.MergeForm("", version));
        addIfAbsent(
                model,
                "markForm",
                () -> new IncidentForms.MarkForm(incident.tlp(), incident.pap(), incident.confidential(), "", version));
        addIfAbsent(
                model,
                "describeForm",
                () -> new IncidentForms.DescribeForm(incident.title(), incident.description(), version));
        addIfAbsent(
                model,
                "timesForm",
                () -> new IncidentForms.TimesForm(local(incident.occurredAt()), local(incident.detectedAt()), version));
    }

    /** What the action forms offer to choose from: the next statuses, the people, teams, categories and markings. */
    private void addActionChoices(IncidentView incident, Model model) {
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
    }

    /** One step of the lifecycle as the page draws it: passed, where the incident is now, or still ahead. */
    record Step(Status status, boolean passed, boolean current) {}

    /** The path from new to closed with the incident's place on it; a dismissed incident ends after triage. */
    static List<Step> lifecycle(Status now) {
        List<Status> path = now == Status.DISMISSED
                ? List.of(Status.NEW, Status.TRIAGE, Status.DISMISSED)
                : List.of(
                        Status.NEW,
                        Status.TRIAGE,
                        Status.ANALYSIS,
                        Status.CONTAINMENT,
                        Status.ERADICATION,
                        Status.RECOVERY,
                        Status.REVIEW,
                        Status.CLOSED);
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
        names.put(
                "reporter",
                incident.reporter() == null
                        ? messages.getMessage("incident.reporter.anonymous", null, LocaleContextHolder.getLocale())
                        : displayNames.getOrDefault(incident.reporter(), ""));
        if (incident.owner() != null) {
            names.put(
                    "owner",
                    displayNames.getOrDefault(incident.owner(), incident.owner().toString()));
        }
        if (incident.team() != null) {
            names.put(
                    "team",
                    identity.teamNames()
                            .getOrDefault(incident.team(), incident.team().toString()));
        }
        if (incident.businessUnit() != null) {
            names.put(
                    "businessUnit",
                    identity.businessUnitNames()
                            .getOrDefault(
                                    incident.businessUnit(),
                                    incident.businessUnit().toString()));
        }
        return names;
    }

    private List<PageChoices.Person> ownersIncluding(@Nullable UserId owner) {
        List<PageChoices.Person> owners = new ArrayList<>(choices.owners());
        if (owner != null && owners.stream().noneMatch(person -> person.id().equals(owner.toString()))) {
            owners.add(
                    0,
                    new PageChoices.Person(
                            owner.toString(),
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
}
