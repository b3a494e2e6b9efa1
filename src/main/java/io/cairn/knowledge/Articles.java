package io.cairn.knowledge;

import io.cairn.incidents.Category;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored articles and their revisions; the search vector is kept here, weighted title and tags first. */
@Repository
class Articles {

    /** The text search configuration of articles: English stemming, so that "mails" finds "mail". */
    static final String CONFIG = "english";

    private static final String VECTOR = """
            setweight(to_tsvector('english', :title), 'A') || setweight(to_tsvector('english', :tagText), 'A')
            || setweight(to_tsvector('english', :body), 'B')""";

    private static final String COLUMNS = """
            id, slug, title, body, audience, categories, tags, revision, created_at, updated_at, updated_by, version""";

    private final JdbcClient jdbc;

    Articles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Article> bySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from knowledge_article where slug = :slug").param("slug", slug)
                .query(Articles::article).optional();
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("select count(*) from knowledge_article where slug = :slug").param("slug", slug)
                .query(Long.class).single() > 0;
    }

    void insert(Article article, boolean shipped) {
        jdbc.sql("insert into knowledge_article (" + COLUMNS + ", shipped, search) values (:id, :slug, :title, :body,"
                + " :audience, :categories, :tags, :revision, :createdAt, :updatedAt, :updatedBy, :version, :shipped, "
                + VECTOR + ")")
                .param("id", article.id()).param("slug", article.slug()).param("title", article.title())
                .param("body", article.body()).param("audience", article.audience().code())
                .param("categories", codes(article.categories())).param("tags", article.tags().toArray(String[]::new))
                .param("tagText", String.join(" ", article.tags())).param("revision", article.revision())
                .param("createdAt", Timestamp.from(article.createdAt()))
                .param("updatedAt", Timestamp.from(article.updatedAt())).param("updatedBy", article.updatedBy())
                .param("version", article.version()).param("shipped", shipped)
                .update();
        addRevision(article);
    }

    /** Stores a new revision if the stored version is still {@code expectedVersion}; false when it is not. */
    boolean update(Article article, long expectedVersion) {
        int changed = jdbc.sql("update knowledge_article set title = :title, body = :body, audience = :audience,"
                + " categories = :categories, tags = :tags, revision = :revision, updated_at = :updatedAt,"
                + " updated_by = :updatedBy, version = :version, search = " + VECTOR
                + " where id = :id and version = :expected")
                .param("id", article.id()).param("title", article.title())
                .param("body", article.body()).param("audience", article.audience().code())
                .param("categories", codes(article.categories())).param("tags", article.tags().toArray(String[]::new))
                .param("tagText", String.join(" ", article.tags())).param("revision", article.revision())
                .param("updatedAt", Timestamp.from(article.updatedAt())).param("updatedBy", article.updatedBy())
                .param("version", article.version()).param("expected", expectedVersion)
                .update();
        if (changed == 1) {
            addRevision(article);
        }
        return changed == 1;
    }

    private void addRevision(Article article) {
        jdbc.sql("""
                insert into knowledge_article_revision (article_id, revision, title, body, audience, categories, tags,
                    saved_at, saved_by)
                values (:id, :revision, :title, :body, :audience, :categories, :tags, :savedAt, :savedBy)""")
                .param("id", article.id()).param("revision", article.revision()).param("title", article.title())
                .param("body", article.body()).param("audience", article.audience().code())
                .param("categories", codes(article.categories())).param("tags", article.tags().toArray(String[]::new))
                .param("savedAt", Timestamp.from(article.updatedAt())).param("savedBy", article.updatedBy())
                .update();
    }

    List<ArticleRevision> revisions(Article article) {
        return jdbc.sql("""
                select revision, title, body, audience, categories, tags, saved_at, saved_by
                from knowledge_article_revision where article_id = :id order by revision desc""")
                .param("id", article.id())
                .query((rs, row) -> revision(article.slug(), rs)).list();
    }

    Optional<ArticleRevision> revision(Article article, int revision) {
        return jdbc.sql("""
                select revision, title, body, audience, categories, tags, saved_at, saved_by
                from knowledge_article_revision where article_id = :id and revision = :revision""")
                .param("id", article.id()).param("revision", revision)
                .query((rs, row) -> revision(article.slug(), rs)).optional();
    }

    /**
     * The articles matching a web-search style query ({@code websearch_to_tsquery}), best first, each with a
     * snippet; without a query, the most recently updated. {@code audiences} limits what the reader may see.
     */
    List<ArticleHit> search(@Nullable String query, List<Audience> audiences, @Nullable String category,
            @Nullable String tag, int limit) {
        boolean text = query != null && !query.isBlank();
        String sql = "select slug, title, audience, categories, tags, "
                + (text ? "ts_rank(search, q) as rank, ts_headline('english', body, q, :options) as snippet"
                        : "0.0 as rank, left(body, 240) as snippet")
                + " from knowledge_article" + (text ? ", websearch_to_tsquery('english', :q) as q" : "")
                + " where audience = any(:audiences)"
                + (text ? " and search @@ q" : "")
                + (category != null ? " and :category = any(categories)" : "")
                + (tag != null ? " and :tag = any(tags)" : "")
                + (text ? " order by rank desc, updated_at desc" : " order by updated_at desc")
                + " limit :limit";
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("audiences", audiences.stream().map(Audience::code).toArray(String[]::new))
                .param("limit", limit);
        if (text) {
            statement = statement.param("q", query).param("options", "StartSel=" + MarkdownRendering.START
                    + ", StopSel=" + MarkdownRendering.STOP + ", MaxWords=35, MinWords=15, MaxFragments=2");
        }
        if (category != null) {
            statement = statement.param("category", category);
        }
        if (tag != null) {
            statement = statement.param("tag", tag);
        }
        return statement.query(Articles::hit).list();
    }

    /**
     * The articles for an incident, best first: those tagged with its category, and those sharing words of its
     * title and description. Each shared word counts by how rare it is among the articles (its inverse document
     * frequency), twice when it is in the article's title or tags, so that an article about this incident's unusual
     * words ranks above one that merely says "mail" often.
     */
    List<ArticleHit> suggestions(Category category, List<String> words, List<Audience> audiences, int limit) {
        return jdbc.sql("""
                with word as (
                    select to_tsquery('english', w) as q from unnest(cast(:words as text[])) as w
                ), weighted as (
                    select word.q, ln((select count(*) from knowledge_article) + 1.0) - ln(count(a.id) + 1.0) + 0.1
                               as idf
                    from word left join knowledge_article a on a.search @@ word.q
                    where numnode(word.q) > 0
                    group by word.q
                ), scored as (
                    select a.slug, a.title, a.audience, a.categories, a.tags, a.updated_at, left(a.body, 240) as snippet,
                           (case when :category = any(a.categories) then 1.0 else 0.0 end)
                           + coalesce((select sum(weighted.idf
                                           * (case when ts_filter(a.search, '{a}') @@ weighted.q then 2 else 1 end))
                                       from weighted where a.search @@ weighted.q), 0) as rank
                    from knowledge_article a
                    where a.audience = any(:audiences)
                )
                select slug, title, audience, categories, tags, rank, snippet from scored
                where rank > 0
                order by rank desc, updated_at desc limit :limit""")
                .param("category", category.rsitClass() + "/" + category.rsitType())
                .param("words", words.toArray(String[]::new))
                .param("audiences", audiences.stream().map(Audience::code).toArray(String[]::new))
                .param("limit", limit)
                .query(Articles::hit).list();
    }

    private static ArticleHit hit(ResultSet rs, int row) throws SQLException {
        return new ArticleHit(rs.getString("slug"), rs.getString("title"),
                Audience.fromCode(rs.getString("audience")).orElseThrow(), categories(rs.getArray("categories")),
                strings(rs.getArray("tags")), MarkdownRendering.snippet(rs.getString("snippet")),
                rs.getDouble("rank"));
    }

    private static Article article(ResultSet rs, int row) throws SQLException {
        return new Article(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
                rs.getString("body"), Audience.fromCode(rs.getString("audience")).orElseThrow(),
                categories(rs.getArray("categories")), strings(rs.getArray("tags")), rs.getInt("revision"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("updated_by"),
                rs.getLong("version"));
    }

    private static ArticleRevision revision(String slug, ResultSet rs) throws SQLException {
        return new ArticleRevision(slug, rs.getInt("revision"), rs.getString("title"), rs.getString("body"),
                Audience.fromCode(rs.getString("audience")).orElseThrow(), categories(rs.getArray("categories")),
                strings(rs.getArray("tags")), instant(rs, "saved_at"), rs.getString("saved_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static List<Category> categories(Array array) throws SQLException {
        return strings(array).stream().map(code -> new Category(code.substring(0, code.indexOf('/')),
                code.substring(code.indexOf('/') + 1))).toList();
    }

    private static String[] codes(List<Category> categories) {
        return categories.stream().map(c -> c.rsitClass() + "/" + c.rsitType()).toArray(String[]::new);
    }
}
