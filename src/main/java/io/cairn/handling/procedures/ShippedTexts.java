package io.cairn.handling.procedures;

import io.cairn.shared.Language;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The texts of the shipped playbooks (and of the tasks made from their steps) in the reader's language. A Dutch
 * reader gets the Dutch text of a text that is still the shipped English one; a text someone changed or wrote is shown
 * as they wrote it.
 */
final class ShippedTexts {

    private ShippedTexts() {}

    /**
     * The text in the reader's language, if it is a shipped one; otherwise as it is. A text that is not there (an
     * optional description, which the definitions store as empty) is empty.
     */
    static String shown(@Nullable String text) {
        String given = Objects.requireNonNullElse(text, "");
        return Language.current() == Language.DUTCH ? Dutch.TEXTS.getOrDefault(given, given) : given;
    }

    static Playbook shown(Playbook playbook) {
        return Language.current() == Language.ENGLISH
                ? playbook
                : new Playbook(
                        playbook.id(),
                        shown(playbook.definition()),
                        playbook.retired(),
                        playbook.updatedAt(),
                        playbook.updatedBy(),
                        playbook.version());
    }

    static PlaybookDefinition shown(PlaybookDefinition definition) {
        return new PlaybookDefinition(
                definition.key(),
                shown(definition.name()),
                shown(definition.description()),
                definition.categories(),
                definition.template(),
                definition.steps().stream()
                        .map(step -> new PlaybookStep(
                                step.phase(),
                                shown(step.title()),
                                shown(step.description()),
                                step.articles(),
                                step.mandatory(),
                                step.team(),
                                step.due()))
                        .toList());
    }

    /** A task in the reader's language: one made from a playbook step; a task a handler wrote stays as written. */
    static TaskView shown(TaskView task) {
        return task.playbook() == null || Language.current() == Language.ENGLISH
                ? task
                : new TaskView(
                        task.id(),
                        task.incident(),
                        task.playbook(),
                        task.phase(),
                        task.position(),
                        shown(task.title()),
                        shown(task.description()),
                        task.articles(),
                        task.mandatory(),
                        task.team(),
                        task.dueOffset(),
                        task.dueAt(),
                        task.sharedFields(),
                        task.state(),
                        task.note(),
                        task.closedBy(),
                        task.closedAt(),
                        task.createdAt(),
                        task.createdBy(),
                        task.version());
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
        return new PlaybookDefinition(
                submitted.key(),
                storedOf.getOrDefault(submitted.name(), submitted.name()),
                storedOf.getOrDefault(submitted.description(), submitted.description()),
                submitted.categories(),
                submitted.template(),
                submitted.steps().stream()
                        .map(step -> new PlaybookStep(
                                step.phase(),
                                storedOf.getOrDefault(step.title(), step.title()),
                                storedOf.getOrDefault(step.description(), step.description()),
                                step.articles(),
                                step.mandatory(),
                                step.team(),
                                step.due()))
                        .toList());
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
                    put(
                            texts,
                            english.steps().get(i).title(),
                            dutch.steps().get(i).title());
                    put(
                            texts,
                            english.steps().get(i).description(),
                            dutch.steps().get(i).description());
                }
            }
            return Map.copyOf(texts);
        }

        private static void put(Map<String, String> texts, @Nullable String english, @Nullable String dutch) {
            if (english == null || dutch == null || dutch.isBlank()) {
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
