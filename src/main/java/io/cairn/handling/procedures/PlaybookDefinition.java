package io.cairn.handling.procedures;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a playbook says: which incidents it is for and its steps, in order within each phase.
 *
 * @param key a stable name in lower case with dashes, such as {@code phishing}
 * @param categories the RSIT categories it is for
 * @param template the key of a report template it is specifically for, if any: it then wins over playbooks for the
 *     category alone
 */
public record PlaybookDefinition(
        String key,
        String name,
        @Nullable String description,
        List<CategoryMatch> categories,
        @Nullable String template,
        List<PlaybookStep> steps) {

    public PlaybookDefinition {
        key = key == null ? "" : key.trim();
        name = name == null ? "" : name.trim();
        description = description == null ? "" : description.trim();
        categories = categories == null ? List.of() : List.copyOf(categories);
        template = template == null || template.isBlank() ? null : template.trim();
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    PlaybookDefinition withSteps(List<PlaybookStep> otherSteps) {
        return new PlaybookDefinition(key, name, description, categories, template, otherSteps);
    }
}
