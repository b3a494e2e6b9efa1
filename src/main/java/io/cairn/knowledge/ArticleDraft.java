package io.cairn.knowledge;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an author writes: the content of a new article or of a new revision.
 *
 * @param slug the article's address ({@code /knowledge/{slug}}); chosen once, when the article is written
 * @param categories RSIT categories as {@code class/type}, for example {@code fraud/phishing}
 * @param tags free tags
 * @param version the version the author saw; 0 for a new article
 */
public record ArticleDraft(
        @Nullable String slug,
        @NotNull String title,
        @NotNull String body,
        @NotNull Audience audience,
        List<String> categories,
        List<String> tags,
        long version) {

    public ArticleDraft {
        categories = List.copyOf(Objects.requireNonNullElse(categories, List.<String>of()));
        tags = List.copyOf(Objects.requireNonNullElse(tags, List.<String>of()));
    }
}
