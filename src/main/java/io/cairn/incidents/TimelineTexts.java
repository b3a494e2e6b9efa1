package io.cairn.incidents;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Says in the reader's language what each timeline entry records, from its kind and details: "moved from Triage to
 * Analysis", "assigned to Alice (team Blue)". Ids in the details become names; an unknown kind shows its raw facts.
 */
@Component
class TimelineTexts {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final IncidentManagement incidents;
    private final IdentityManagement identity;
    private final MessageSource messages;
    private final ObjectProvider<ReportRouting> routings;

    TimelineTexts(
            IncidentManagement incidents,
            IdentityManagement identity,
            MessageSource messages,
            ObjectProvider<ReportRouting> routings) {
        this.incidents = incidents;
        this.identity = identity;
        this.messages = messages;
        this.routings = routings;
    }

    /** One entry as the page shows it. */
    record Item(
            long id,
            Instant at,
            String actorName,
            String kind,
            String text,
            @Nullable String note,
            @Nullable String mergedFrom) {

        public boolean isNote() {
            return kind.equals(Timeline.NOTE);
        }
    }

    List<Item> of(List<TimelineEntry> entries) {
        Names names = names(entries);
        Locale locale = LocaleContextHolder.getLocale();
        return entries.stream()
                .map(entry -> new Item(
                        entry.id(),
                        entry.at(),
                        entry.actorName(),
                        entry.kind(),
                        text(entry, names, locale),
                        entry.note(),
                        entry.details().get("mergedFrom")))
                .toList();
    }

    private String text(TimelineEntry entry, Names names, Locale locale) {
        Map<String, String> details = entry.details();
        return switch (entry.kind()) {
            case IncidentReported.VERB ->
                details.containsKey("routingRule")
                        ? message("timeline.reported.routed", locale, routingRule(details.get("routingRule")))
                        : message("timeline.reported", locale);
            case IncidentDescribed.VERB, Timeline.NOTE, ReporterAsked.VERB, ReporterAnswered.VERB ->
                message("timeline." + entry.kind(), locale);
            case IncidentTransitioned.VERB -> transitioned(details, locale);
            case IncidentAssigned.VERB -> assigned(details, names, locale);
            case IncidentReprioritised.VERB -> reprioritised(details, locale);
            case IncidentRecategorised.VERB -> recategorised(details, locale);
            case IncidentMarked.VERB -> marked(details, locale);
            case IncidentTimesRecorded.VERB -> timesRecorded(details, locale);
            case IncidentDetectionRecorded.VERB ->
                message(
                        "timeline.detection-recorded",
                        locale,
                        message("detection-source." + details.get("source"), locale),
                        orUnknown(details.get("detectedBy"), locale));
            case IncidentLinked.VERB ->
                details.containsKey("target")
                        ? message("timeline.linked." + details.get("kind"), locale, details.get("target"))
                        : message("timeline.linked-from." + details.get("kind"), locale, details.get("source"));
            case IncidentMerged.VERB -> message("timeline.merged", locale, details.get("into"));
            case IncidentMergedIn.VERB -> message("timeline.merged-in", locale, details.get("from"));
            case ObservableAdded.VERB, ObservableRevised.VERB, ObservableRemoved.VERB -> observable(entry, locale);
            case IncidentServicesChanged.VERB ->
                "0".equals(details.getOrDefault("count", "0"))
                        ? message("timeline.services-cleared", locale)
                        : message("timeline.services-changed", locale, details.get("count"));
            case IncidentVerisRecorded.VERB -> veris(details, locale);
            default -> otherChange(entry.kind(), details, locale);
        };
    }

    private String veris(Map<String, String> details, Locale locale) {
        return Stream.of("actors", "actions", "assets").allMatch(part -> "0".equals(details.get(part)))
                ? message("timeline.veris-removed", locale)
                : message(
                        "timeline.veris-recorded",
                        locale,
                        details.get("actors"),
                        details.get("actions"),
                        details.get("assets"));
    }

    private String transitioned(Map<String, String> details, Locale locale) {
        return message(
                "timeline.transitioned",
                locale,
                status(details.get("from"), locale),
                status(details.get("to"), locale));
    }

    private String assigned(Map<String, String> details, Names names, Locale locale) {
        return message(
                "timeline.assigned",
                locale,
                orElse(names.person(details.get("owner")), "timeline.nobody", locale),
                orElse(names.team(details.get("team")), "timeline.none", locale),
                orElse(names.businessUnit(details.get("businessUnit")), "timeline.none", locale));
    }

    private String reprioritised(Map<String, String> details, Locale locale) {
        return message(
                "timeline.reprioritised",
                locale,
                details.get("priority"),
                level(details.get("impact"), locale),
                level(details.get("urgency"), locale));
    }

    private String recategorised(Map<String, String> details, Locale locale) {
        return message(
                "timeline.recategorised",
                locale,
                category(details.get("category")),
                message("severity." + details.get("severity"), locale),
                message("determination." + details.get("determination"), locale));
    }

    private String marked(Map<String, String> details, Locale locale) {
        return message(
                "timeline.marked",
                locale,
                details.get("tlp"),
                details.get("pap"),
                message(
                        "true".equals(details.get("confidential"))
                                ? "timeline.marked.confidential"
                                : "timeline.marked.not-confidential",
                        locale));
    }

    private String timesRecorded(Map<String, String> details, Locale locale) {
        return message(
                "timeline.times-recorded",
                locale,
                orUnknown(time(details.get("occurredAt")), locale),
                orUnknown(time(details.get("detectedAt")), locale));
    }

    /** A change of a kind this module does not word: its kind and raw facts. */
    private String otherChange(String kind, Map<String, String> details, Locale locale) {
        return message(
                "timeline.other",
                locale,
                kind,
                details.entrySet().stream()
                        .filter(fact -> !fact.getKey().equals("mergedFrom"))
                        .map(fact -> fact.getKey() + ": " + fact.getValue())
                        .collect(Collectors.joining(", ")));
    }

    /** A change of the observables: how many a channel added, or the type and marking of a handler's one. */
    private String observable(TimelineEntry entry, Locale locale) {
        Map<String, String> details = entry.details();
        if (details.containsKey("count")) {
            return message(
                    "timeline.observables-added." + details.get("source"),
                    locale,
                    Integer.valueOf(details.get("count")));
        }
        return message(
                "timeline." + entry.kind(),
                locale,
                details.get("type"),
                details.get("tlp"),
                message(
                        "true".equals(details.get("ioc")) ? "timeline.observable.ioc" : "timeline.observable.no-ioc",
                        locale));
    }

    private String message(String code, Locale locale, @Nullable Object... arguments) {
        return Objects.requireNonNull(messages.getMessage(code, arguments, code, locale));
    }

    private String status(@Nullable String code, Locale locale) {
        return code == null ? "" : message("status." + code, locale);
    }

    private String level(@Nullable String label, Locale locale) {
        return label == null ? "" : Objects.requireNonNull(messages.getMessage("level." + label, null, label, locale));
    }

    /** The name of the rule that routed the report, as the routing module shows it (a shipped one translated). */
    private String routingRule(String name) {
        String shown = name;
        for (ReportRouting routing : routings.orderedStream().toList()) {
            shown = routing.nameShown(shown);
        }
        return shown;
    }

    private String category(@Nullable String value) {
        return PageChoices.categoryOf(value).map(incidents::categoryLabel).orElse(value == null ? "" : value);
    }

    private String orElse(@Nullable String name, String absent, Locale locale) {
        return name == null ? message(absent, locale) : name;
    }

    private String orUnknown(@Nullable String text, Locale locale) {
        return text == null ? message("timeline.unknown-time", locale) : text;
    }

    private static @Nullable String time(@Nullable String instant) {
        if (instant == null || instant.isBlank()) {
            return null;
        }
        try {
            return TIME.format(Instant.parse(instant));
        } catch (DateTimeParseException unreadable) {
            return instant;
        }
    }

    /** The names behind the ids that assignments record, looked up once per timeline. */
    private record Names(
            Map<UserId, String> people, Map<TeamId, String> teams, Map<BusinessUnitId, String> businessUnits) {

        @Nullable
        String person(@Nullable String id) {
            return lookUp(id, UserId::valueOf, people);
        }

        @Nullable
        String team(@Nullable String id) {
            return lookUp(id, TeamId::valueOf, teams);
        }

        @Nullable
        String businessUnit(@Nullable String id) {
            return lookUp(id, BusinessUnitId::valueOf, businessUnits);
        }

        private static <K> @Nullable String lookUp(
                @Nullable String id, Function<String, K> parse, Map<K, String> names) {
            if (id == null || id.isBlank()) {
                return null;
            }
            try {
                return names.getOrDefault(parse.apply(id), id);
            } catch (IllegalArgumentException notAnId) {
                return id;
            }
        }
    }

    private Names names(List<TimelineEntry> entries) {
        Set<UserId> people = new HashSet<>();
        boolean assignments = false;
        for (TimelineEntry entry : entries) {
            if (entry.kind().equals(IncidentAssigned.VERB)) {
                assignments = true;
                String owner = entry.details().get("owner");
                if (owner != null && !owner.isBlank()) {
                    try {
                        people.add(UserId.valueOf(owner));
                    } catch (IllegalArgumentException notAnId) {
                        // shown as recorded
                    }
                }
            }
        }
        if (!assignments) {
            return new Names(Map.of(), Map.of(), Map.of());
        }
        return new Names(identity.displayNames(people), identity.teamNames(), identity.businessUnitNames());
    }
}
