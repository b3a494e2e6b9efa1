package io.cairn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.shared.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped articles come in English and Dutch: each has a title, a body and tags in both, the slugs the playbooks
 * link to are there, and no Markdown file lies around that nothing ships.
 */
class ShippedArticlesTest {

    private static final Path KNOWLEDGE = Path.of("src/main/resources/knowledge");

    @Test
    void everyShippedArticleHasItsTitleBodyAndTagsInEnglishAndDutch() {
        for (ShippedArticles.Shipped article : ShippedArticles.ARTICLES) {
            ShippedArticles.Text english = ShippedArticles.text(Language.ENGLISH, article.slug());
            ShippedArticles.Text dutch = ShippedArticles.text(Language.DUTCH, article.slug());

            assertThat(english.title()).as(article.slug()).isNotBlank().doesNotStartWith("#");
            assertThat(dutch.title()).as(article.slug()).isNotBlank().isNotEqualTo(english.title());
            assertThat(dutch.body())
                    .as(article.slug())
                    .hasSizeGreaterThan(english.body().length() / 2)
                    .isNotEqualTo(english.body())
                    .doesNotStartWith("# ");
            assertThat(article.dutchTags()).as(article.slug()).hasSameSizeAs(article.tags());
        }
    }

    @Test
    void shipsTheArticlesThePlaybooksLinkTo() {
        assertThat(ShippedArticles.ARTICLES.stream().map(ShippedArticles.Shipped::slug))
                .contains(
                        "remote-wipe",
                        "personal-data-breach",
                        "gdpr-notification",
                        "reset-password",
                        "isolate-device",
                        "phishing-evidence",
                        "phishing-awareness",
                        "ddos-provider-contacts");
    }

    @Test
    void everyMarkdownFileIsAShippedArticle() throws IOException {
        List<String> slugs = ShippedArticles.ARTICLES.stream()
                .map(ShippedArticles.Shipped::slug)
                .sorted()
                .toList();

        assertThat(markdownIn(KNOWLEDGE)).isEqualTo(slugs);
        assertThat(markdownIn(KNOWLEDGE.resolve("nl"))).isEqualTo(slugs);
    }

    private static List<String> markdownIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".md"))
                    .map(name -> name.substring(0, name.length() - 3))
                    .sorted()
                    .toList();
        }
    }
}
