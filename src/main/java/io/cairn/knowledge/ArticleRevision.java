package io.cairn.knowledge;

import io.cairn.incidents.Category;
import java.time.Instant;
import java.util.List;

/** One saved revision of an article, as it was then. */
record ArticleRevision(
        String slug,
        int revision,
        String title,
        String body,
        Audience audience,
        List<Category> categories,
        List<String> tags,
        Instant savedAt,
        String savedBy) {

    ArticleRevision {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
    }
}
