package io.cairn.isms.procedures;

import io.cairn.shared.Language;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The words of the shipped procedure types in the reader's language. A Dutch reader gets the Dutch text of a text
 * that is still the shipped English one; a text an admin changed or wrote is shown as written. An admin who saves a
 * shipped type while reading Dutch stores the English text of each Dutch text left as shown, so that the type stays in
 * both languages.
 */
final class ShippedProcedureTexts {

    private static final Map<String, String> DUTCH = new HashMap<>();
    private static final Map<String, String> ENGLISH = new HashMap<>();

    static {
        collect(ShippedProcedures.document());
    }

    private ShippedProcedureTexts() {}

    /** The text in the reader's language, if it is a shipped one; otherwise as it is. */
    static String shown(@Nullable String text) {
        String given = Objects.requireNonNullElse(text, "");
        return Language.current() == Language.DUTCH ? DUTCH.getOrDefault(given, given) : given;
    }

    /** The Dutch text of a shipped English one; any other text as it is. */
    static String dutch(String text) {
        return DUTCH.getOrDefault(text, text);
    }

    /** The stored text of a text shown: the shipped English text of a shipped Dutch one, otherwise as it is. */
    static String stored(@Nullable String text) {
        String given = Objects.requireNonNullElse(text, "");
        return ENGLISH.getOrDefault(given, given);
    }

    /** The procedure type in the reader's language. */
    static ProcedureType shown(ProcedureType type) {
        return Language.current() == Language.ENGLISH
                ? type
                : new ProcedureType(
                        type.id(),
                        translated(type.definition(), ShippedProcedureTexts::shown),
                        type.retired(),
                        type.updatedAt(),
                        type.updatedBy(),
                        type.version());
    }

    /** The definition as it is stored: shipped Dutch texts back in English. */
    static ProcedureDefinition stored(ProcedureDefinition definition) {
        return translated(definition, ShippedProcedureTexts::stored);
    }

    /** The definition with each of its texts (names, labels, help, titles, descriptions) put through {@code words}. */
    static ProcedureDefinition translated(ProcedureDefinition definition, UnaryOperator<String> words) {
        return new ProcedureDefinition(
                definition.key(),
                words.apply(definition.name()),
                words.apply(definition.description()),
                definition.form().stream()
                        .map(field -> new FormField(
                                field.key(),
                                words.apply(field.label()),
                                field.kind(),
                                field.required(),
                                field.options(),
                                words.apply(field.help())))
                        .toList(),
                definition.phases().stream()
                        .map(phase -> new ProcedureDefinition.Phase(phase.key(), words.apply(phase.name())))
                        .toList(),
                definition.steps().stream().map(step -> step.withTexts(words)).toList(),
                definition.due(),
                definition.dueFrom());
    }

    private static void collect(JsonNode node) {
        JsonNode dutch = node.get("nl");
        if (dutch != null && dutch.isObject()) {
            for (String name : List.copyOf(dutch.propertyNames())) {
                String english = node.path(name).asString("");
                String translated = dutch.path(name).asString("");
                if (!english.isEmpty() && !translated.isEmpty()) {
                    DUTCH.putIfAbsent(english, translated);
                    ENGLISH.putIfAbsent(translated, english);
                }
            }
        }
        node.forEach(ShippedProcedureTexts::collect);
    }
}
