package io.cairn.knowledge;

import io.cairn.identity.Actor;
import io.cairn.incidents.IncidentManagement;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing articles and saving their revisions (handlers, coordinators and admins), and the articles Cairn ships.
 * Every change publishes an {@link ArticleChanged} that the audit trail records in the same transaction.
 */
@Component
class ArticleAuthoring {

    private final Articles articles;
    private final ArticleReading reading;
    private final KnowledgeAccess access;
    private final IncidentManagement incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleAuthoring(
            Articles articles,
            ArticleReading reading,
            KnowledgeAccess access,
            IncidentManagement incidents,
            ApplicationEventPublisher events,
            Clock clock) {
        this.articles = articles;
        this.reading = reading;
        this.access = access;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    /** Writes a new article, its first revision; without a slug, one is made from the title. */
    @Transactional
    Outcome<Article> write(ArticleDraft draft) {
        Actor actor = access.requireActor();
        if (!KnowledgeAccess.writesArticles(actor)) {
            return Outcome.refused(Refusal.forbidden(KnowledgeRefusals.ONLY_STAFF_WRITE_ARTICLES));
        }
        String slug = draft.slug() == null || draft.slug().isBlank()
                ? ArticleRules.slugOf(draft.title())
                : draft.slug().strip();
        Optional<Refusal> problem = ArticleRules.slugProblem(slug).or(() -> contentProblem(draft));
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        if (articles.slugTaken(slug)) {
            return Outcome.refused(Refusal.conflict("slug", KnowledgeRefusals.SLUG_TAKEN, slug));
        }
        Article article = store(slug, draft, actor.displayName(), false);
        events.publishEvent(new ArticleChanged(
                slug,
                1,
                actor.ref(),
                article.createdAt(),
                ArticleChanged.Verb.WRITTEN,
                Optional.empty(),
                Optional.of(article.digest())));
        return Outcome.done(article);
    }

    /**
     * Saves a new revision of an article; {@code draft.version()} must be the stored version, else the save is
     * refused as stale and nothing changes. The slug stays: pages and playbooks link to it.
     */
    @Transactional
    Outcome<Article> revise(String slug, ArticleDraft draft) {
        Actor actor = access.requireActor();
        if (reading.article(slug).isEmpty()) {
            return Outcome.refused(Refusal.notFound("article " + slug));
        }
        if (!KnowledgeAccess.writesArticles(actor)) {
            return Outcome.refused(Refusal.forbidden(KnowledgeRefusals.ONLY_STAFF_WRITE_ARTICLES));
        }
        Optional<Refusal> problem = contentProblem(draft);
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        // as stored, whatever language it was read in: the new revision is what the author wrote, in their language
        Article before = articles.bySlug(slug).orElseThrow();
        if (before.version() != draft.version()) {
            return Outcome.refused(Refusal.stale(draft.version(), before.version()));
        }
        Article after = before.revised(draft, actor.displayName(), clock.instant());
        if (!articles.update(after, draft.version())) {
            return Outcome.refused(Refusal.stale(draft.version(), draft.version() + 1));
        }
        events.publishEvent(new ArticleChanged(
                slug,
                after.revision(),
                actor.ref(),
                after.updatedAt(),
                ArticleChanged.Verb.REVISED,
                Optional.of(before.digest()),
                Optional.of(after.digest())));
        return Outcome.done(after);
    }

    /**
     * Shipped content, written once by Cairn itself at start-up when no article has its slug yet, with its
     * translations. An article shipped earlier without them gets them as long as nobody revised it.
     */
    @Transactional
    Optional<Article> ship(ArticleDraft draft, List<Articles.Translation> translations) {
        String slug = Objects.requireNonNull(draft.slug());
        if (articles.slugTaken(slug)) {
            articles.unrevisedShipped(slug, draft.title().strip(), draft.body().strip())
                    .ifPresent(id -> translate(slug, id, translations));
            return Optional.empty();
        }
        Article article = store(slug, draft, "Cairn", true);
        events.publishEvent(new ArticleChanged(
                slug,
                1,
                ActorRef.SYSTEM,
                article.createdAt(),
                ArticleChanged.Verb.SHIPPED,
                Optional.empty(),
                Optional.of(article.digest())));
        translate(slug, article.id(), translations);
        return Optional.of(article);
    }

    private void translate(String slug, ArticleId article, List<Articles.Translation> translations) {
        for (Articles.Translation translation : translations) {
            if (!articles.hasTranslation(article, 1, translation.language())) {
                articles.addTranslation(article, 1, translation);
                events.publishEvent(new ArticleChanged(
                        slug,
                        1,
                        ActorRef.SYSTEM,
                        clock.instant(),
                        ArticleChanged.Verb.TRANSLATED,
                        Optional.empty(),
                        Optional.of(ContentDigest.of(slug + "|1|"
                                        + translation.language().code() + "|" + translation.title() + "|"
                                        + translation.tags() + "|" + translation.body())
                                .hex())));
            }
        }
    }

    private Article store(String slug, ArticleDraft draft, String by, boolean shipped) {
        Article article = Article.written(slug, draft, by, clock.instant());
        articles.insert(article, shipped);
        return article;
    }

    /** What is wrong with a draft's content; its categories must be RSIT classes and types Cairn knows. */
    private Optional<Refusal> contentProblem(ArticleDraft draft) {
        Set<String> known = incidents.categories().stream()
                .map(choice ->
                        choice.category().rsitClass() + "/" + choice.category().rsitType())
                .collect(Collectors.toSet());
        return ArticleRules.contentProblem(draft, known);
    }
}
