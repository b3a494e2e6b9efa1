package io.cairn.knowledge;

import io.cairn.shared.Language;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and searching the articles a reader may read, in the reader's language where a revision has a translation
 * into it (the shipped ones do), and as written everywhere else.
 */
@Component
class ArticleReading {

    /** The most articles a search or a suggestion answers. */
    static final int MAX_HITS = 50;

    private static final int MAX_QUERY = 500;

    private final Articles articles;
    private final ArticleSearch search;
    private final KnowledgeAccess access;

    ArticleReading(Articles articles, ArticleSearch search, KnowledgeAccess access) {
        this.articles = articles;
        this.search = search;
        this.access = access;
    }

    /** The article with this slug, if the reader may read it (anyone, also without an account, reads self-help). */
    @Transactional(readOnly = true)
    Optional<Article> article(String slug) {
        return articles.bySlug(slug, Language.current())
                .filter(article -> access.readerAudiences().contains(article.audience()));
    }

    /** The revisions of an article the reader may read, newest first. */
    @Transactional(readOnly = true)
    Optional<List<ArticleRevision>> revisions(String slug) {
        return article(slug).map(article -> articles.revisions(article, Language.current()));
    }

    /** One earlier revision of an article the reader may read. */
    @Transactional(readOnly = true)
    Optional<ArticleRevision> revision(String slug, int revision) {
        return article(slug).flatMap(article -> articles.revision(article, revision, Language.current()));
    }

    /**
     * The articles the reader may read that match the query (web-search syntax: words, "a phrase", -not, or), best
     * first with a highlighted snippet; without a query, the most recently updated.
     */
    @Transactional(readOnly = true)
    Outcome<List<ArticleHit>> search(
            @Nullable String query, @Nullable String category, @Nullable String tag, int limit) {
        if (query != null && query.length() > MAX_QUERY) {
            return Outcome.refused(Refusal.invalid("q", SharedRefusals.TOO_LONG, "500"));
        }
        if (limit < 1 || limit > MAX_HITS) {
            return Outcome.refused(
                    Refusal.invalid("limit", SharedRefusals.OUT_OF_RANGE, "1", String.valueOf(MAX_HITS)));
        }
        String tagFilter = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT);
        String categoryFilter = category == null || category.isBlank() ? null : category.strip();
        return Outcome.done(
                search.search(query, access.readerAudiences(), categoryFilter, tagFilter, limit, Language.current()));
    }

    /** Only self-help articles, for the help page, whoever reads them (also without an account). */
    @Transactional(readOnly = true)
    List<ArticleHit> selfHelp(@Nullable String query) {
        return search.search(
                query == null || query.length() > MAX_QUERY ? null : query,
                List.of(Audience.REPORTERS),
                null,
                null,
                MAX_HITS,
                Language.current());
    }
}
