package io.cairn.knowledge;

import io.cairn.incidents.Category;
import java.util.List;

/**
 * An article found by a search or suggested for an incident.
 *
 * @param snippet a passage of the article where the words were found, as HTML: the text escaped, the words found
 *     in {@code <mark>}
 * @param rank how well it matches; higher is better
 */
record ArticleHit(
        String slug,
        String title,
        Audience audience,
        List<Category> categories,
        List<String> tags,
        String snippet,
        double rank) {

    ArticleHit {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
    }
}
