package io.cairn.knowledge;

import io.cairn.incidents.Category;
import io.cairn.shared.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finding stored articles: full-text search in web-search syntax, and the articles suggested for an incident, each
 * answered with a snippet; an article with a translation into the reader's language is found by the words of either
 * text and shown in the translation.
 */
@Repository
class ArticleSearch {

    /** The suggestions' query; {@code %s} is the query of one word, in one or two languages. */
    private static final String SUGGESTIONS = """
            with doc as (
                select a.id, a.slug, coalesce(t.title, a.title) as title, a.audience, a.categories,
                       coalesce(t.tags, a.tags) as tags, a.updated_at,
                       left(coalesce(t.body, a.body), 240) as snippet,
                       a.search || coalesce(t.search, ''::tsvector) as search
                from knowledge_article a""" + Articles.TRANSLATION + """

            ), word as (
                select %s as q from unnest(cast(:words as text[])) as w
            ), weighted as (
                select word.q, ln((select count(*) from doc) + 1.0) - ln(count(doc.id) + 1.0) + 0.1 as idf
                from word left join doc on doc.search @@ word.q
                where numnode(word.q) > 0
                group by word.q
            ), scored as (
                select doc.slug, doc.title, doc.audience, doc.categories, doc.tags, doc.updated_at, doc.snippet,
                       (case when :category = any(doc.categories) then 1.0 else 0.0 end)
                       + coalesce((select sum(weighted.idf
                                       * (case when ts_filter(doc.search, '{a}') @@ weighted.q then 2 else 1 end))
                                   from weighted where doc.search @@ weighted.q), 0) as rank
                from doc
                where doc.audience = any(:audiences)
            )
            select slug, title, audience, categories, tags, rank, snippet from scored
            where rank > 0
            order by rank desc, updated_at desc limit :limit""";

    private final JdbcClient jdbc;

    ArticleSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The articles matching a web-search style query ({@code websearch_to_tsquery}), best first, each with a
     * snippet; without a query, the most recently updated. {@code audiences} limits what the reader may see. An
     * article with a translation into the reader's language is found by the words of either text, and shown in the
     * translation.
     */
    List<ArticleHit> search(
            @Nullable String query,
            List<Audience> audiences,
            @Nullable String category,
            @Nullable String tag,
            int limit,
            Language language) {
        boolean text = query != null && !query.isBlank();
        String sql = searchSql(text, category != null, tag != null);
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("audiences", audiences.stream().map(Audience::code).toArray(String[]::new))
                .param("language", language.code())
                .param("limit", limit);
        if (text) {
            statement = statement
                    .param("q", query)
                    .param("config", Articles.config(language))
                    .param(
                            "options",
                            "StartSel=" + MarkdownRendering.START + ", StopSel=" + MarkdownRendering.STOP
                                    + ", MaxWords=35, MinWords=15, MaxFragments=2");
        }
        if (category != null) {
            statement = statement.param("category", category);
        }
        if (tag != null) {
            statement = statement.param("tag", tag);
        }
        return statement.query(ArticleSearch::hit).list();
    }

    /**
     * The search's SQL: ranked by the words of the query and with their snippets when there is {@code text}, newest
     * first otherwise; limited to a category and a tag when asked to.
     */
    private static String searchSql(boolean text, boolean byCategory, boolean byTag) {
        return "select a.slug, coalesce(t.title, a.title) as title, a.audience, a.categories,"
                + " coalesce(t.tags, a.tags) as tags, "
                + (text
                        ? "greatest(ts_rank(a.search, qa), coalesce(ts_rank(t.search, qt), 0)) as rank,"
                                + " case when t.article_id is null then ts_headline('english', a.body, qa, :options)"
                                + " else ts_headline(cast(:config as regconfig), t.body, qt, :options) end as snippet"
                        : "0.0 as rank, left(coalesce(t.body, a.body), 240) as snippet")
                + " from knowledge_article a" + Articles.TRANSLATION
                + (text
                        ? ", websearch_to_tsquery('english', :q) as qa,"
                                + " websearch_to_tsquery(cast(:config as regconfig), :q) as qt"
                        : "")
                + " where a.audience = any(:audiences)"
                + (text ? " and (a.search @@ qa or t.search @@ qt)" : "")
                + (byCategory ? " and :category = any(a.categories)" : "")
                + (byTag ? " and (:tag = any(a.tags) or :tag = any(t.tags))" : "")
                + (text ? " order by rank desc, a.updated_at desc" : " order by a.updated_at desc")
                + " limit :limit";
    }

    /**
     * The articles for an incident, best first: those tagged with its category, and those sharing words of its
     * title and description. Each shared word counts by how rare it is among the articles (its inverse document
     * frequency), twice when it is in the article's title or tags, so that an article about this incident's unusual
     * words ranks above one that merely says "mail" often. An article with a translation into the reader's language
     * is matched by the words of either text (stemmed both ways), and shown in the translation.
     */
    List<ArticleHit> suggestions(
            Category category, List<String> words, List<Audience> audiences, int limit, Language language) {
        String query = language == Language.ENGLISH
                ? "to_tsquery('english', w)"
                : "to_tsquery('english', w) || to_tsquery(cast(:config as regconfig), w)";
        return jdbc.sql(SUGGESTIONS.formatted(query))
                .param("category", category.rsitClass() + "/" + category.rsitType())
                .param("words", words.toArray(String[]::new))
                .param("audiences", audiences.stream().map(Audience::code).toArray(String[]::new))
                .param("language", language.code())
                .param("config", Articles.config(language))
                .param("limit", limit)
                .query(ArticleSearch::hit)
                .list();
    }

    private static ArticleHit hit(ResultSet rs, int row) throws SQLException {
        return new ArticleHit(
                rs.getString("slug"),
                rs.getString("title"),
                Audience.fromCode(rs.getString("audience")).orElseThrow(),
                Articles.categories(rs.getArray("categories")),
                Articles.strings(rs.getArray("tags")),
                MarkdownRendering.snippet(rs.getString("snippet")),
                rs.getDouble("rank"));
    }
}
