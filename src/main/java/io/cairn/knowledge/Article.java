package io.cairn.knowledge;

import io.cairn.incidents.Category;
import java.time.Instant;
import java.util.List;

/**
 * A knowledge article in its current revision.
 *
 * @param body the Markdown source
 * @param categories the RSIT classes and types it helps with
 * @param tags free tags, in lower case
 * @param revision the number of the current revision, from 1
 * @param version the version a save must name, for optimistic locking
 * @param updatedBy the name of who saved the current revision
 */
public record Article(ArticleId id, String slug, String title, String body, Audience audience,
        List<Category> categories, List<String> tags, int revision, Instant createdAt, Instant updatedAt,
        String updatedBy, long version) {

    public Article {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
    }
}
