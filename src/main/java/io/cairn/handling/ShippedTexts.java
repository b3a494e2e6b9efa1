package io.cairn.handling;

import io.cairn.shared.Language;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the handling module ships, in the reader's language: the texts of the shipped playbooks (and of the tasks made
 * from their steps), the name of the shipped business-hour calendar and the name of the shipped routing rule. A Dutch
 * reader gets the Dutch text of a text that is still the shipped English one; a text someone changed or wrote is shown
 * as they wrote it.
 */
final class ShippedTexts {

    /** The business-hour calendar the SLA migration ships. */
    static final SlaCalendarId OFFICE_HOURS =
            new SlaCalendarId(UUID.fromString("00000000-0000-4000-8000-0000000005a1"));

    private static final String OFFICE_HOURS_NAME = "Office hours";
    private static final String OFFICE_HOURS_DUTCH = "Kantooruren";

    /** The Dutch name of the catch-all routing rule a new install ships ({@link ShippedRoutingRule#NAME}). */
    private static final String ROUTING_RULE_DUTCH = "Al het overige naar het securityteam";

    private ShippedTexts() {}

    /** The text in the reader's language, if it is a shipped one; otherwise as it is. */
    static String shown(String text) {
        return Language.current() == Language.DUTCH ? Dutch.TEXTS.getOrDefault(text, text) : text;
    }

    static Playbook shown(Playbook playbook) {
        return Language.current() == Language.ENGLISH ? playbook : new Playbook(playbook.id(),
                shown(playbook.definition()), playbook.retired(), playbook.updatedAt(), playbook.updatedBy(),
                playbook.version());
    }

    static PlaybookDefinition shown(PlaybookDefinition definition) {
        return new PlaybookDefinition(definition.key(), shown(definition.name()), shown(definition.description()),
                definition.categories(), definition.template(), definition.steps().stream()
                        .map(step -> new PlaybookStep(step.phase(), shown(step.title()), shown(step.description()),
                                step.articles(), step.mandatory(), step.team(), step.due()))
                        .toList());
    }

    /** A task in the reader's language: one made from a playbook step; a task a handler wrote stays as written. */
    static TaskView shown(TaskView task) {
        return task.playbook() == null || Language.current() == Language.ENGLISH ? task
                : new TaskView(task.id(), task.incident(), task.playbook(), task.phase(), task.position(),
                        shown(task.title()), shown(task.description()), task.articles(), task.mandatory(),
                        task.team(), task.dueOffset(), task.dueAt(), task.sharedFields(), task.state(), task.note(),
                        task.closedBy(), task.closedAt(), task.createdAt(), task.createdBy(), task.version());
    }

    static SlaCalendarView shown(SlaCalendarView calendar) {
        return new SlaCalendarView(calendar.id(), calendarName(calendar.id(), calendar.name()), calendar.zone(),
                calendar.week(), calendar.holidays(), calendar.version());
    }

    /** The name of a calendar: the shipped one's in the reader's language while nobody renamed it. */
    static String calendarName(SlaCalendarId id, String name) {
        return OFFICE_HOURS.equals(id) && OFFICE_HOURS_NAME.equals(name) && Language.current() == Language.DUTCH
                ? OFFICE_HOURS_DUTCH : name;
    }

    /** The name of a routing rule: the shipped one's in the reader's language while nobody renamed it. */
    static String ruleName(String name) {
        return ShippedRoutingRule.NAME.equals(name) && Language.current() == Language.DUTCH ? ROUTING_RULE_DUTCH : name;
    }

    static RoutingRule shown(RoutingRule rule) {
        String name = ruleName(rule.name());
        return name.equals(rule.name()) ? rule : new RoutingRule(rule.id(), rule.position(), name, rule.rsitClass(),
                rule.rsitType(), rule.template(), rule.businessUnit(), rule.asset(), rule.team(), rule.ownerStrategy(),
                rule.enabled(), rule.version());
    }

    /** A routing rule as someone saves it: the shipped name they were shown in their language stays the stored one. */
    static RoutingRuleDefinition asStored(RoutingRuleDefinition submitted, String storedName) {
        return submitted.name().equals(ruleName(storedName))
                ? new RoutingRuleDefinition(storedName, submitted.rsitClass(), submitted.rsitType(),
                        submitted.template(), submitted.businessUnit(), submitted.asset(), submitted.team(),
                        submitted.ownerStrategy(), submitted.enabled(), submitted.version())
                : submitted;
    }

    /**
     * What to store when someone saves a playbook they were shown in their language: each text that is still what
     * they were shown stays the stored (shipped) text; only what they changed is stored as they wrote it.
     */
    static PlaybookDefinition asStored(PlaybookDefinition submitted, PlaybookDefinition stored) {
        if (Language.current() == Language.ENGLISH) {
            return submitted;
        }
        Map<String, String> storedOf = new HashMap<>();
        List<String> texts = new ArrayList<>(List.of(stored.name(), stored.description()));
        stored.steps().forEach(step -> texts.addAll(List.of(step.title(), step.description())));
        texts.forEach(text -> storedOf.putIfAbsent(shown(text), text));
        return new PlaybookDefinition(submitted.key(), storedOf.getOrDefault(submitted.name(), submitted.name()),
                storedOf.getOrDefault(submitted.description(), submitted.description()), submitted.categories(),
                submitted.template(), submitted.steps().stream().map(step -> new PlaybookStep(step.phase(),
                        storedOf.getOrDefault(step.title(), step.title()),
                        storedOf.getOrDefault(step.description(), step.description()), step.articles(),
                        step.mandatory(), step.team(), step.due())).toList());
    }

    /** A calendar as someone saves it: the shipped name they were shown in their language stays the stored one. */
    static CalendarDefinition asStored(SlaCalendarId id, CalendarDefinition submitted, String storedName) {
        return submitted.name() != null && submitted.name().strip().equals(calendarName(id, storedName))
                ? new CalendarDefinition(storedName, submitted.zone(), submitted.week(), submitted.holidays(),
                        submitted.version())
                : submitted;
    }

    /** The Dutch text of each shipped English text, read once. */
    private static final class Dutch {

        static final Map<String, String> TEXTS = texts(ShippedPlaybooks.shipped());

        static Map<String, String> texts(List<ShippedPlaybooks.Shipped> playbooks) {
            Map<String, String> texts = new HashMap<>();
            for (ShippedPlaybooks.Shipped playbook : playbooks) {
                PlaybookDefinition english = playbook.english();
                PlaybookDefinition dutch = playbook.dutch();
                put(texts, english.name(), dutch.name());
                put(texts, english.description(), dutch.description());
                for (int i = 0; i < english.steps().size(); i++) {
                    put(texts, english.steps().get(i).title(), dutch.steps().get(i).title());
                    put(texts, english.steps().get(i).description(), dutch.steps().get(i).description());
                }
            }
            return Map.copyOf(texts);
        }

        private static void put(Map<String, String> texts, String english, String dutch) {
            if (dutch.isBlank()) {
                return;
            }
            String before = texts.putIfAbsent(english, dutch);
            if (before != null && !before.equals(dutch)) {
                throw new IllegalStateException("the shipped playbooks translate '" + english + "' twice: '" + before
                        + "' and '" + dutch + "'");
            }
        }
    }
}
