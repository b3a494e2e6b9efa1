package io.cairn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The knowledge API: articles, their safety, search and revisions, and who may read and write them. */
class KnowledgeApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient handler;
    ApiClient reporter;
    ApiClient resolver;
    String suffix;

    @BeforeEach
    void signIn() {
        suffix = Long.toString(System.nanoTime(), 36);
        handler = client(users.userNamed("handler-" + suffix, Set.of(Role.HANDLER)));
        reporter = client(users.userNamed("reporter-" + suffix, Set.of(Role.REPORTER)));
        resolver = client(users.userNamed("resolver-" + suffix, Set.of(Role.RESOLVER)));
    }

    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    private JsonNode write(String slug, String title, String text, String audience, List<String> tags) {
        ApiClient.Answer written = handler.post(
                "/api/v1/knowledge/articles",
                body(
                        "slug",
                        slug,
                        "title",
                        title,
                        "body",
                        text,
                        "audience",
                        audience,
                        "categories",
                        List.of("fraud/phishing"),
                        "tags",
                        tags,
                        "version",
                        0));
        assertThat(written.status()).as(written.toString()).isEqualTo(201);
        return written.json();
    }

    @Test
    void rendersMarkdownWithoutScriptsDangerousLinksOrEventHandlers() {
        String slug = "unsafe-" + suffix;
        JsonNode written = write(slug, "Unsafe markup", """
                # Heading

                <script>alert('x')</script>

                <img src=x onerror="alert(1)">

                [click](javascript:alert(1)) [entity](&#106;avascript:alert(2)) [data](data:text/html;base64,PHNjcmlwdD4=)

                [safe](https://example.org/help) [mail](mailto:security@example.org) [relative](/knowledge/other)

                <a href="https://example.org" onclick="steal()">raw link</a>
                """, "handlers", List.of("test"));

        String html = written.get("html").asString();
        assertThat(html)
                .contains("<h1>Heading</h1>")
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("<a href=\"https://example.org\" " + "onclick")
                .doesNotContain("href=\"javascript:")
                .doesNotContain("href=\"data:");
        assertThat(html).doesNotContainPattern("<[^>]+\\son\\w+=");
        assertThat(html)
                .contains("&lt;script&gt;alert")
                .contains("href=\"https://example.org/help\">safe</a>")
                .contains("href=\"mailto:security@example.org\">mail</a>")
                .contains("href=\"/knowledge/other\">relative</a>")
                .contains("href=\"\">click</a>")
                .contains("href=\"\">entity</a>")
                .contains("href=\"\">data</a>");
        assertThat(handler.get("/api/v1/knowledge/articles/" + slug)
                        .json()
                        .get("html")
                        .asString())
                .isEqualTo(html);
    }

    @Test
    void findsArticlesByFullTextBestFirstWithHighlightedEscapedSnippets() {
        String word = "zebrafish" + suffix.replaceAll("[0-9]", "");
        write(
                "weak-" + suffix,
                "Printer toner",
                "Refill the toner. Mentions " + word + " once in the body.",
                "handlers",
                List.of());
        write(
                "strong-" + suffix,
                "All about " + word,
                "The " + word + " <b>guide</b>: " + word + " and more " + word + ".",
                "handlers",
                List.of(word));

        ApiClient.Answer found = handler.get("/api/v1/knowledge/articles?q=" + word);

        assertThat(found.status()).isEqualTo(200);
        List<String> slugs = new ArrayList<>();
        found.json().forEach(hit -> slugs.add(hit.get("slug").asString()));
        assertThat(slugs).containsExactly("strong-" + suffix, "weak-" + suffix);
        String snippet = found.json().get(0).get("snippet").asString();
        assertThat(snippet).contains("<mark>" + word + "</mark>").doesNotContain("<b>");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<");
    }

    @Test
    void keepsEveryRevisionAndRefusesAStaleSave() {
        String slug = "revised-" + suffix;
        write(slug, "First title", "First body", "handlers", List.of("a"));

        ApiClient.Answer second = handler.put(
                "/api/v1/knowledge/articles/" + slug,
                body(
                        "title",
                        "Second title",
                        "body",
                        "Second body",
                        "audience",
                        "handlers",
                        "categories",
                        List.of(),
                        "tags",
                        List.of("b"),
                        "version",
                        1));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().get("article").get("revision").asInt()).isEqualTo(2);

        ApiClient.Answer stale = handler.put(
                "/api/v1/knowledge/articles/" + slug,
                body("title", "Lost update", "body", "Lost", "audience", "handlers", "version", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("errors").get(0).get("field").asString()).isEqualTo("version");

        JsonNode revisions =
                handler.get("/api/v1/knowledge/articles/" + slug + "/revisions").json();
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).get("title").asString()).isEqualTo("Second title");
        assertThat(handler.get("/api/v1/knowledge/articles/" + slug + "/revisions/1")
                        .json()
                        .get("body")
                        .asString())
                .isEqualTo("First body");
        assertThat(handler.get("/api/v1/knowledge/articles/" + slug)
                        .json()
                        .get("article")
                        .get("title")
                        .asString())
                .isEqualTo("Second title");
        assertThat(jdbc.sql("select count(*) from audit_record where object_type = 'knowledge-article'"
                                + " and object_id = :slug")
                        .param("slug", slug)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void refusesBadArticlesNamingTheField() {
        assertThat(problemField(
                        handler.post(
                                "/api/v1/knowledge/articles",
                                body(
                                        "slug",
                                        "ok-" + suffix,
                                        "title",
                                        "  ",
                                        "body",
                                        "text",
                                        "audience",
                                        "handlers",
                                        "version",
                                        0)),
                        400))
                .isEqualTo("title");
        assertThat(problemField(
                        handler.post(
                                "/api/v1/knowledge/articles",
                                body(
                                        "slug",
                                        "../etc/passwd",
                                        "title",
                                        "T",
                                        "body",
                                        "text",
                                        "audience",
                                        "handlers",
                                        "version",
                                        0)),
                        400))
                .isEqualTo("slug");
        assertThat(problemField(
                        handler.post(
                                "/api/v1/knowledge/articles",
                                body(
                                        "slug",
                                        "cat-" + suffix,
                                        "title",
                                        "T",
                                        "body",
                                        "text",
                                        "audience",
                                        "handlers",
                                        "categories",
                                        List.of("fraud/unicorns"),
                                        "version",
                                        0)),
                        400))
                .isEqualTo("categories");
        write("taken-" + suffix, "Taken", "text", "handlers", List.of());
        assertThat(problemField(
                        handler.post(
                                "/api/v1/knowledge/articles",
                                body(
                                        "slug",
                                        "taken-" + suffix,
                                        "title",
                                        "T",
                                        "body",
                                        "text",
                                        "audience",
                                        "handlers",
                                        "version",
                                        0)),
                        409))
                .isEqualTo("slug");
        assertThat(jdbc.sql("select count(*) from knowledge_article where slug like :s")
                        .param("s", "%-" + suffix)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void reportersReadOnlySelfHelpAndWriteNothing() {
        write("internal-" + suffix, "Internal " + suffix, "For the team only.", "handlers", List.of());
        write("selfhelp-" + suffix, "Self-help " + suffix, "For everyone.", "reporters", List.of());

        assertThat(reporter.get("/api/v1/knowledge/articles/internal-" + suffix).status())
                .isEqualTo(404);
        assertThat(reporter.get("/api/v1/knowledge/articles/internal-" + suffix + "/revisions")
                        .status())
                .isEqualTo(404);
        assertThat(reporter.get("/api/v1/knowledge/articles/selfhelp-" + suffix).status())
                .isEqualTo(200);
        List<String> found = new ArrayList<>();
        reporter.get("/api/v1/knowledge/articles?q=" + suffix)
                .json()
                .forEach(h -> found.add(h.get("slug").asString()));
        assertThat(found).containsExactly("selfhelp-" + suffix);
        assertThat(resolver.get("/api/v1/knowledge/articles/internal-" + suffix).status())
                .isEqualTo(404);

        assertThat(reporter.post(
                                "/api/v1/knowledge/articles",
                                body(
                                        "slug",
                                        "mine-" + suffix,
                                        "title",
                                        "Mine",
                                        "body",
                                        "x",
                                        "audience",
                                        "reporters",
                                        "version",
                                        0))
                        .status())
                .isEqualTo(403);
        assertThat(reporter.put(
                                "/api/v1/knowledge/articles/selfhelp-" + suffix,
                                body("title", "Defaced", "body", "x", "audience", "reporters", "version", 1))
                        .status())
                .isEqualTo(403);
        assertThat(handler.get("/api/v1/knowledge/articles/selfhelp-" + suffix)
                        .json()
                        .get("article")
                        .get("title")
                        .asString())
                .isEqualTo("Self-help " + suffix);
    }

    @Test
    void shipsTheStarterArticlesOnce() {
        assertThat(jdbc.sql("select count(*) from knowledge_article where shipped and slug in "
                                + "('recognising-phishing-mail', 'collecting-mail-headers')")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        context.getBean(ShippedArticles.class).ship();
        String[] slugs = ShippedArticles.ARTICLES.stream()
                .map(ShippedArticles.Shipped::slug)
                .toArray(String[]::new);
        assertThat(jdbc.sql("select count(*) from knowledge_article where shipped and slug = any(:slugs)")
                        .param("slugs", slugs)
                        .query(Long.class)
                        .single())
                .isEqualTo(ShippedArticles.ARTICLES.size());
        assertThat(jdbc.sql(
                                "select count(*) from knowledge_article_translation t join knowledge_article a"
                                        + " on a.id = t.article_id where a.slug = any(:slugs) and t.language = 'nl' and t.revision = 1")
                        .param("slugs", slugs)
                        .query(Long.class)
                        .single())
                .isEqualTo(ShippedArticles.ARTICLES.size());
        assertThat(reporter.get("/api/v1/knowledge/articles/recognising-phishing-mail")
                        .status())
                .isEqualTo(200);
        assertThat(reporter.get("/api/v1/knowledge/articles/collecting-mail-headers")
                        .status())
                .isEqualTo(404);
    }

    static String problemField(ApiClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        return answer.json().get("errors").get(0).get("field").asString();
    }

    static String today() {
        return LocalDate.now(java.time.ZoneOffset.UTC).toString();
    }
}
