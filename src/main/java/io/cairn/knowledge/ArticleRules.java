package io.cairn.knowledge;

import io.cairn.incidents.Category;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules an article's address and content follow, each a small function that answers what is wrong as a refusal,
 * and the clean-up an author's draft gets before it is stored.
 */
final class ArticleRules {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 100_000;
    static final int MAX_TAGS = 20;

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    private static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,39}$");
    private static final Set<String> RESERVED_SLUGS = Set.of("new", "search", "edit", "history");

    private ArticleRules() {}

    /** What is wrong with an address: its form, or that the pages use it. */
    static Optional<Refusal> slugProblem(String slug) {
        if (slug.length() < 3 || slug.length() > 80 || !SLUG.matcher(slug).matches()) {
            return Optional.of(Refusal.invalid("slug", KnowledgeRefusals.NOT_A_SLUG));
        }
        if (RESERVED_SLUGS.contains(slug)) {
            return Optional.of(Refusal.invalid("slug", KnowledgeRefusals.RESERVED_SLUG, slug));
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a draft's content, the first problem found: its title, body, categories (each a code of
     * {@code knownCategories}, such as {@code fraud/phishing}) or tags.
     */
    static Optional<Refusal> contentProblem(ArticleDraft draft, Set<String> knownCategories) {
        return titleProblem(draft.title().strip())
                .or(() -> bodyProblem(draft.body()))
                .or(() -> categoryProblem(draft.categories(), knownCategories))
                .or(() -> tagProblem(tagsOf(draft.tags())));
    }

    private static Optional<Refusal> titleProblem(String title) {
        if (title.isEmpty()) {
            return Optional.of(Refusal.invalid("title", SharedRefusals.MUST_NOT_BE_EMPTY));
        }
        if (title.length() > MAX_TITLE) {
            return Optional.of(Refusal.invalid("title", SharedRefusals.TOO_LONG, String.valueOf(MAX_TITLE)));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> bodyProblem(String body) {
        if (body.isBlank()) {
            return Optional.of(Refusal.invalid("body", SharedRefusals.MUST_NOT_BE_EMPTY));
        }
        if (body.length() > MAX_BODY) {
            return Optional.of(Refusal.invalid("body", SharedRefusals.TOO_LONG, String.valueOf(MAX_BODY)));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> categoryProblem(List<String> codes, Set<String> knownCategories) {
        return codes.stream()
                .map(String::strip)
                .filter(code -> !knownCategories.contains(code))
                .findFirst()
                .map(unknown -> Refusal.invalid("categories", KnowledgeRefusals.NOT_A_CATEGORY, unknown));
    }

    private static Optional<Refusal> tagProblem(List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            return Optional.of(Refusal.invalid("tags", KnowledgeRefusals.TOO_MANY_TAGS, String.valueOf(MAX_TAGS)));
        }
        return tags.stream()
                .filter(tag -> !TAG.matcher(tag).matches())
                .findFirst()
                .map(badTag -> Refusal.invalid("tags", KnowledgeRefusals.NOT_A_TAG, badTag));
    }

    /** The address an article gets from its title when the author chose none. */
    static String slugOf(String title) {
        String slug = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }

    /** The RSIT categories of {@code class/type} codes; codes without a slash are left out, doubles once. */
    static List<Category> categoriesOf(List<String> codes) {
        return codes.stream()
                .map(String::strip)
                .filter(code -> code.contains("/"))
                .distinct()
                .map(code -> new Category(code.substring(0, code.indexOf('/')), code.substring(code.indexOf('/') + 1)))
                .toList();
    }

    /** Tags stripped and in lower case; empty ones left out, doubles once. */
    static List<String> tagsOf(List<String> tags) {
        return tags.stream()
                .map(tag -> tag.strip().toLowerCase(Locale.ROOT))
                .filter(tag -> !tag.isEmpty())
                .distinct()
                .toList();
    }
}
