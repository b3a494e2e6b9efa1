package io.cairn.knowledge;

import io.cairn.incidents.Category;
import io.cairn.shared.ContentDigest;
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
public record Article(
        ArticleId id,
        String slug,
        String title,
        String body,
        Audience audience,
        List<Category> categories,
        List<String> tags,
        int revision,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy,
        long version) {

    public Article {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
    }

    /** A new article, in its first revision: the draft's content, cleaned up, under this address. */
    static Article written(String slug, ArticleDraft draft, String by, Instant now) {
        return new Article(
                ArticleId.random(),
                slug,
                draft.title().strip(),
                draft.body().strip(),
                draft.audience(),
                ArticleRules.categoriesOf(draft.categories()),
                ArticleRules.tagsOf(draft.tags()),
                1,
                now,
                now,
                by,
                1);
    }

    /** The article's next revision: the draft's content, cleaned up; the id, address and creation stay. */
    Article revised(ArticleDraft draft, String by, Instant now) {
        return new Article(
                id,
                slug,
                draft.title().strip(),
                draft.body().strip(),
                draft.audience(),
                ArticleRules.categoriesOf(draft.categories()),
                ArticleRules.tagsOf(draft.tags()),
                revision + 1,
                createdAt,
                now,
                by,
                version + 1);
    }

    /** The digest of the revision's content that the audit trail records. */
    String digest() {
        return ContentDigest.of(slug + "|" + revision + "|" + title + "|" + audience + "|" + categories + "|" + tags
                        + "|" + body)
                .hex();
    }
}
