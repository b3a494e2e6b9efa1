package io.cairn.knowledge;

import io.cairn.incidents.Category;
import io.cairn.shared.Language;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored articles, their revisions and the translations of shipped revisions; the search vectors are kept here,
 * weighted title and tags first, for {@link ArticleSearch}. Reads in a language show a revision's translation into
 * it where there is one, and the text as written everywhere else.
 */
@Repository
class Articles {

    /** A revision of an article in another language than it was written in. */
    record Translation(Language language, String title, String body, List<String> tags) {

        Translation {
            tags = List.copyOf(tags);
        }
    }

    private static final String VECTOR = """
            setweight(to_tsvector('english', :title), 'A') || setweight(to_tsvector('english', :tagText), 'A')
            || setweight(to_tsvector('english', :body), 'B')""";

    private static final String COLUMNS = """
            id, slug, title, body, audience, categories, tags, revision, created_at, updated_at, updated_by, version""";

    /** The columns of an article as read in a language: the translation's title, body and tags where there is one. */
    private static final String TRANSLATED_COLUMNS = """
            a.id, a.slug, coalesce(t.title, a.title) as title, coalesce(t.body, a.body) as body, a.audience,
            a.categories, coalesce(t.tags, a.tags) as tags, a.revision, a.created_at, a.updated_at, a.updated_by,
            a.version""";

    /** The translation of an article's current revision into {@code :language}, if any. */
    static final String TRANSLATION = " left join knowledge_article_translation t"
            + " on t.article_id = a.id and t.revision = a.revision and t.language = :language";

    private final JdbcClient jdbc;

    Articles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The article as it was written. */
    Optional<Article> bySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from knowledge_article where slug = :slug")
                .param("slug", slug)
                .query(Articles::article)
                .optional();
    }

    /** The article as read in a language: its current revision's translation into it, or as written. */
    Optional<Article> bySlug(String slug, Language language) {
        return jdbc.sql("select " + TRANSLATED_COLUMNS + " from knowledge_article a" + TRANSLATION
                        + " where a.slug = :slug")
                .param("slug", slug)
                .param("language", language.code())
                .query(Articles::article)
                .optional();
    }

    /** The id of a shipped article nobody has revised, if it still has this title and body. */
    Optional<ArticleId> unrevisedShipped(String slug, String title, String body) {
        return jdbc.sql("select id from knowledge_article where slug = :slug and shipped and revision = 1"
                        + " and title = :title and body = :body")
                .param("slug", slug)
                .param("title", title)
                .param("body", body)
                .query(UUID.class)
                .optional()
                .map(ArticleId::new);
    }

    boolean hasTranslation(ArticleId article, int revision, Language language) {
        return jdbc.sql("select count(*) from knowledge_article_translation where article_id = :id"
                                + " and revision = :revision and language = :language")
                        .param("id", article.value())
                        .param("revision", revision)
                        .param("language", language.code())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Stores the translation of one revision, with a search vector stemmed for its language. */
    void addTranslation(ArticleId article, int revision, Translation translation) {
        String config = config(translation.language());
        jdbc.sql("insert into knowledge_article_translation (article_id, revision, language, title, body, tags,"
                        + " search) values (:id, :revision, :language, :title, :body, :tags,"
                        + " setweight(to_tsvector(cast(:config as regconfig), :title), 'A')"
                        + " || setweight(to_tsvector(cast(:config as regconfig), :tagText), 'A')"
                        + " || setweight(to_tsvector(cast(:config as regconfig), :body), 'B'))")
                .param("id", article.value())
                .param("revision", revision)
                .param("language", translation.language().code())
                .param("title", translation.title())
                .param("body", translation.body())
                .param("tags", translation.tags().toArray(String[]::new))
                .param("tagText", String.join(" ", translation.tags()))
                .param("config", config)
                .update();
    }

    /** The text search configuration of a language: its stemming, so that "mails" finds "mail". */
    static String config(Language language) {
        return language == Language.DUTCH ? "dutch" : "english";
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("select count(*) from knowledge_article where slug = :slug")
                        .param("slug", slug)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(Article article, boolean shipped) {
        jdbc.sql("insert into knowledge_article (" + COLUMNS + ", shipped, search) values (:id, :slug, :title, :body,"
                        + " :audience, :categories, :tags, :revision, :createdAt, :updatedAt, :updatedBy, :version, :shipped, "
                        + VECTOR + ")")
                .param("id", article.id().value())
                .param("slug", article.slug())
                .param("title", article.title())
                .param("body", article.body())
                .param("audience", article.audience().code())
                .param("categories", codes(article.categories()))
                .param("tags", article.tags().toArray(String[]::new))
                .param("tagText", String.join(" ", article.tags()))
                .param("revision", article.revision())
                .param("createdAt", Timestamp.from(article.createdAt()))
                .param("updatedAt", Timestamp.from(article.updatedAt()))
                .param("updatedBy", article.updatedBy())
                .param("version", article.version())
                .param("shipped", shipped)
                .update();
        addRevision(article);
    }

    /** Stores a new revision if the stored version is still {@code expectedVersion}; false when it is not. */
    boolean update(Article article, long expectedVersion) {
        int changed = jdbc.sql("update knowledge_article set title = :title, body = :body, audience = :audience,"
                        + " categories = :categories, tags = :tags, revision = :revision, updated_at = :updatedAt,"
                        + " updated_by = :updatedBy, version = :version, search = " + VECTOR
                        + " where id = :id and version = :expected")
                .param("id", article.id().value())
                .param("title", article.title())
                .param("body", article.body())
                .param("audience", article.audience().code())
                .param("categories", codes(article.categories()))
                .param("tags", article.tags().toArray(String[]::new))
                .param("tagText", String.join(" ", article.tags()))
                .param("revision", article.revision())
                .param("updatedAt", Timestamp.from(article.updatedAt()))
                .param("updatedBy", article.updatedBy())
                .param("version", article.version())
                .param("expected", expectedVersion)
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
                .param("id", article.id().value())
                .param("revision", article.revision())
                .param("title", article.title())
                .param("body", article.body())
                .param("audience", article.audience().code())
                .param("categories", codes(article.categories()))
                .param("tags", article.tags().toArray(String[]::new))
                .param("savedAt", Timestamp.from(article.updatedAt()))
                .param("savedBy", article.updatedBy())
                .update();
    }

    /** The revisions of an article, newest first, each as read in a language. */
    List<ArticleRevision> revisions(Article article, Language language) {
        return jdbc.sql(REVISIONS + " where r.article_id = :id order by r.revision desc")
                .param("id", article.id().value())
                .param("language", language.code())
                .query((rs, row) -> revision(article.slug(), rs))
                .list();
    }

    Optional<ArticleRevision> revision(Article article, int revision, Language language) {
        return jdbc.sql(REVISIONS + " where r.article_id = :id and r.revision = :revision")
                .param("id", article.id().value())
                .param("revision", revision)
                .param("language", language.code())
                .query((rs, row) -> revision(article.slug(), rs))
                .optional();
    }

    private static final String REVISIONS = """
            select r.revision, coalesce(t.title, r.title) as title, coalesce(t.body, r.body) as body, r.audience,
                   r.categories, coalesce(t.tags, r.tags) as tags, r.saved_at, r.saved_by
            from knowledge_article_revision r
            left join knowledge_article_translation t
                on t.article_id = r.article_id and t.revision = r.revision and t.language = :language""";

    private static Article article(ResultSet rs, int row) throws SQLException {
        return new Article(
                new ArticleId(rs.getObject("id", UUID.class)),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("body"),
                Audience.fromCode(rs.getString("audience")).orElseThrow(),
                categories(rs.getArray("categories")),
                strings(rs.getArray("tags")),
                rs.getInt("revision"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getString("updated_by"),
                rs.getLong("version"));
    }

    private static ArticleRevision revision(String slug, ResultSet rs) throws SQLException {
        return new ArticleRevision(
                slug,
                rs.getInt("revision"),
                rs.getString("title"),
                rs.getString("body"),
                Audience.fromCode(rs.getString("audience")).orElseThrow(),
                categories(rs.getArray("categories")),
                strings(rs.getArray("tags")),
                instant(rs, "saved_at"),
                rs.getString("saved_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    static List<Category> categories(Array array) throws SQLException {
        return strings(array).stream()
                .map(code -> new Category(code.substring(0, code.indexOf('/')), code.substring(code.indexOf('/') + 1)))
                .toList();
    }

    private static String[] codes(List<Category> categories) {
        return categories.stream().map(c -> c.rsitClass() + "/" + c.rsitType()).toArray(String[]::new);
    }
}
