package io.cairn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.incidents.Category;
import io.cairn.shared.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of an article's address and content, and an article's revisions, without a server. */
class ArticleRulesTest {

    private static final Set<String> KNOWN = Set.of("fraud/phishing", "malicious-code/infected-system");

    @Test
    void anAddressIsMadeFromTheTitleWhenTheAuthorChoseNone() {
        assertThat(ArticleRules.slugOf("Réinitialiser: the Password!")).isEqualTo("reinitialiser-the-password");
    }

    @Test
    void refusesAnAddressOfTheWrongFormOrOneThePagesUse() {
        assertThat(field(ArticleRules.slugProblem("Ab"))).contains("slug");
        assertThat(field(ArticleRules.slugProblem("history"))).contains("slug");
        assertThat(ArticleRules.slugProblem("collecting-mail-headers")).isEmpty();
    }

    @Test
    void answersTheFirstProblemOfTheContent() {
        assertThat(field(ArticleRules.contentProblem(draft(" ", "body", List.of(), List.of()), KNOWN)))
                .contains("title");
        assertThat(field(ArticleRules.contentProblem(draft("Title", " ", List.of(), List.of()), KNOWN)))
                .contains("body");
        assertThat(field(ArticleRules.contentProblem(
                        draft("Title", "body", List.of("fraud/nothing"), List.of()), KNOWN)))
                .contains("categories");
        assertThat(field(ArticleRules.contentProblem(draft("Title", "body", List.of(), List.of("#bad")), KNOWN)))
                .contains("tags");
        assertThat(ArticleRules.contentProblem(
                        draft("Title", "body", List.of(" fraud/phishing"), List.of("Mail")), KNOWN))
                .isEmpty();
    }

    @Test
    void aRevisionKeepsTheIdAddressAndCreationAndCountsOn() {
        Instant written = Instant.parse("2026-03-01T08:00:00Z");
        Article first = Article.written(
                "phishing-mail",
                draft(" Phishing ", " body ", List.of("fraud/phishing", "fraud/phishing"), List.of(" Mail ", "mail")),
                "Alice",
                written);

        Article second =
                first.revised(draft("Phishing mail", "new body", List.of(), List.of()), "Bob", written.plusSeconds(60));

        assertThat(first.title()).isEqualTo("Phishing");
        assertThat(first.categories()).containsExactly(new Category("fraud", "phishing"));
        assertThat(first.tags()).containsExactly("mail");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.slug()).isEqualTo("phishing-mail");
        assertThat(second.createdAt()).isEqualTo(written);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.updatedBy()).isEqualTo("Bob");
    }

    private static ArticleDraft draft(String title, String body, List<String> categories, List<String> tags) {
        return new ArticleDraft(null, title, body, Audience.HANDLERS, categories, tags, 0);
    }

    private static Optional<String> field(Optional<Refusal> refusal) {
        return refusal.map(problem -> problem.fields().get(0).field());
    }
}
