package io.cairn.knowledge;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Language;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge module's entry point: knowledge articles and self-help, post-incident reviews with their root causes
 * and corrective actions, and recurring incidents.
 *
 * <ul>
 *   <li>Handlers, coordinators and admins write articles; staff read every article; everyone else, also a reporter
 *       without an account, reads only self-help articles (audience {@code reporters}). Articles are read in the
 *       reader's language where the revision has a translation into it (the shipped ones do), and as written
 *       everywhere else.
 *   <li>Reviews are read by staff who may see the incident (handlers, coordinators, privacy officers, auditors) and
 *       written by handlers and coordinators who may see it; never by reporters or resolvers.
 *   <li>Admins edit the root-cause vocabulary; coordinators see the open corrective actions and the recurring
 *       incidents.
 * </ul>
 * Every change publishes an event the audit trail records in the same transaction.
 */
@Service
public class KnowledgeManagement {

    /** The most articles a search or a suggestion answers. */
    public static final int MAX_HITS = 50;


    private static final Pattern ROOT_CAUSE_KEY = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");
    private static final Set<String> COMMON_WORDS = Set.of("about", "after", "also", "been", "before", "could",
            "does", "from", "have", "into", "just", "more", "only", "other", "over", "some", "than", "that",
            "their", "them", "then", "there", "these", "they", "this", "were", "what", "when", "which", "while",
            "with", "would", "your", "zijn", "niet", "maar", "heeft", "hebben", "voor", "door", "naar", "deze");

    private final Articles articles;
    private final RootCauses rootCauses;
    private final Reviews reviews;
    private final CorrectiveActions correctiveActions;
    private final Recurrences recurrences;
    private final MarkdownRendering markdown;
    private final IncidentManagement incidents;
    private final IdentityManagement identity;
    private final KnowledgeSettings.Recurrence recurrenceSettings;
    private final KnowledgeSettings.Review reviewSettings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    KnowledgeManagement(Articles articles, RootCauses rootCauses, Reviews reviews,
            CorrectiveActions correctiveActions, Recurrences recurrences,
            MarkdownRendering markdown, IncidentManagement incidents, IdentityManagement identity,
            KnowledgeSettings.Recurrence recurrenceSettings, KnowledgeSettings.Review reviewSettings,
            ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.rootCauses = rootCauses;
        this.reviews = reviews;
        this.correctiveActions = correctiveActions;
        this.recurrences = recurrences;
        this.markdown = markdown;
        this.incidents = incidents;
        this.identity = identity;
        this.recurrenceSettings = recurrenceSettings;
        this.reviewSettings = reviewSettings;
        this.events = events;
        this.clock = clock;
    }

    // --- who may do what ------------------------------------------------------------------------------------------

    /** Whether the user reads internal articles (staff), not only self-help; false without an account. */
    public boolean readsInternalArticles() {
        return identity.currentActor().filter(KnowledgeManagement::readsInternal).isPresent();
    }

    /** Whether the user writes articles; false without an account. */
    public boolean writesArticles() {
        return identity.currentActor().filter(actor -> actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.ADMIN))
                .isPresent();
    }

    private static boolean readsInternal(Actor actor) {
        return actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.ADMIN, Role.PRIVACY_OFFICER, Role.AUDITOR);
    }

    private static List<Audience> audiences(Actor actor) {
        return readsInternal(actor) ? List.of(Audience.values()) : List.of(Audience.REPORTERS);
    }

    /** What the reader of this request may read: self-help only without an account. */
    private List<Audience> readerAudiences() {
        return identity.currentActor().map(KnowledgeManagement::audiences).orElse(List.of(Audience.REPORTERS));
    }

    // --- articles -------------------------------------------------------------------------------------------------

    /**
     * The article with this slug, if the reader may read it (anyone, also without an account, reads self-help), in
     * the reader's language where it has a translation into it.
     */
    @Transactional(readOnly = true)
    public Optional<Article> article(String slug) {
        return articles.bySlug(slug, Language.current())
                .filter(article -> readerAudiences().contains(article.audience()));
    }

    /** An article's Markdown as safe HTML (see {@link MarkdownRendering}). */
    public String html(String markdownSource) {
        return markdown.html(markdownSource);
    }

    /** The revisions of an article the reader may read, newest first. */
    @Transactional(readOnly = true)
    public Optional<List<ArticleRevision>> revisions(String slug) {
        return article(slug).map(article -> articles.revisions(article, Language.current()));
    }

    /** One earlier revision of an article the reader may read. */
    @Transactional(readOnly = true)
    public Optional<ArticleRevision> revision(String slug, int revision) {
        return article(slug).flatMap(article -> articles.revision(article, revision, Language.current()));
    }

    /**
     * The articles the signed-in user may read that match the query (web-search syntax: words, "a phrase", -not,
     * or), best first with a highlighted snippet; without a query, the most recently updated.
     */
    @Transactional(readOnly = true)
    public Outcome<List<ArticleHit>> search(@Nullable String query, @Nullable String category, @Nullable String tag,
            int limit) {
        if (query != null && query.length() > 500) {
            return Outcome.refused(Refusal.invalid("q", "must be at most 500 characters"));
        }
        if (limit < 1 || limit > MAX_HITS) {
            return Outcome.refused(Refusal.invalid("limit", "must be from 1 to " + MAX_HITS));
        }
        String tagFilter = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT);
        String categoryFilter = category == null || category.isBlank() ? null : category.strip();
        return Outcome.done(articles.search(query, readerAudiences(), categoryFilter, tagFilter, limit,
                Language.current()));
    }

    /** Only self-help articles, for the help page, whoever reads them (also without an account). */
    @Transactional(readOnly = true)
    public List<ArticleHit> selfHelp(@Nullable String query) {
        return articles.search(query == null || query.length() > 500 ? null : query, List.of(Audience.REPORTERS),
                null, null, MAX_HITS, Language.current());
    }

    /** Writes a new article; its first revision. */
    @Transactional
    public Outcome<Article> write(ArticleDraft draft) {
        Actor actor = identity.requireActor();
        if (!actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.ADMIN)) {
            return Outcome.refused(Refusal.forbidden("only handlers, coordinators and admins write articles"));
        }
        String slug = draft.slug() == null || draft.slug().isBlank() ? ArticleRules.slugOf(draft.title())
                : draft.slug().strip();
        Optional<Refusal> problem = ArticleRules.slugProblem(slug).or(() -> contentProblem(draft));
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        if (articles.slugTaken(slug)) {
            return Outcome.refused(Refusal.conflict("slug", "another article already has the address {0}", slug));
        }
        Article article = store(slug, draft, actor.displayName(), false);
        events.publishEvent(new ArticleChanged(slug, 1, actor.ref(), article.createdAt(), "written",
                Optional.empty(), Optional.of(article.digest())));
        return Outcome.done(article);
    }

    /**
     * Shipped content, written once by Cairn itself at start-up when no article has its slug yet, with its
     * translations. An article shipped earlier without them gets them as long as nobody revised it.
     */
    @Transactional
    Optional<Article> ship(ArticleDraft draft, List<Articles.Translation> translations) {
        String slug = java.util.Objects.requireNonNull(draft.slug());
        if (articles.slugTaken(slug)) {
            articles.unrevisedShipped(slug, draft.title().strip(), draft.body().strip())
                    .ifPresent(id -> translate(slug, id, translations));
            return Optional.empty();
        }
        Article article = store(slug, draft, "Cairn", true);
        events.publishEvent(new ArticleChanged(slug, 1, ActorRef.SYSTEM, article.createdAt(),
                "shipped", Optional.empty(), Optional.of(article.digest())));
        translate(slug, article.id(), translations);
        return Optional.of(article);
    }

    private void translate(String slug, ArticleId article, List<Articles.Translation> translations) {
        for (Articles.Translation translation : translations) {
            if (!articles.hasTranslation(article, 1, translation.language())) {
                articles.addTranslation(article, 1, translation);
                events.publishEvent(new ArticleChanged(slug, 1, ActorRef.SYSTEM, clock.instant(),
                        "translated", Optional.empty(), Optional.of(ContentDigest.of(slug + "|1|"
                                + translation.language().code() + "|" + translation.title() + "|"
                                + translation.tags() + "|" + translation.body()).hex())));
            }
        }
    }

    private Article store(String slug, ArticleDraft draft, String by, boolean shipped) {
        Instant now = clock.instant();
        Article article = Article.written(slug, draft, by, now);
        articles.insert(article, shipped);
        return article;
    }

    /**
     * Saves a new revision of an article; {@code draft.version()} must be the stored version, else the save is
     * refused as stale and nothing changes. The slug stays: pages and playbooks link to it.
     */
    @Transactional
    public Outcome<Article> revise(String slug, ArticleDraft draft) {
        Actor actor = identity.requireActor();
        if (article(slug).isEmpty()) {
            return Outcome.refused(Refusal.notFound("article " + slug));
        }
        if (!actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.ADMIN)) {
            return Outcome.refused(Refusal.forbidden("only handlers, coordinators and admins write articles"));
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
        events.publishEvent(new ArticleChanged(slug, after.revision(), actor.ref(), after.updatedAt(), "revised",
                Optional.of(before.digest()), Optional.of(after.digest())));
        return Outcome.done(after);
    }

    /**
     * The articles suggested for an incident the signed-in user may handle or read: those tagged with its category
     * and those sharing words of its title and description, best first.
     */
    @Transactional(readOnly = true)
    public Optional<List<ArticleHit>> suggestions(IncidentId id, int limit) {
        Actor actor = identity.requireActor();
        if (!readsInternal(actor)) {
            return Optional.empty();
        }
        return visibleIncident(id).map(incident -> articles.suggestions(incident.category(),
                wordsOf(incident.title() + " " + incident.description()), audiences(actor),
                Math.max(1, Math.min(limit, MAX_HITS)), Language.current()));
    }

    private Optional<Refusal> contentProblem(ArticleDraft draft) {
        Set<String> known = incidents.categories().stream()
                .map(choice -> choice.category().rsitClass() + "/" + choice.category().rsitType())
                .collect(Collectors.toSet());
        return ArticleRules.contentProblem(draft, known);
    }

    /** The significant words of an incident's text, for suggestions: long enough, not common, at most 24. */
    static List<String> wordsOf(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 4 && !COMMON_WORDS.contains(word)
                        && !word.chars().allMatch(Character::isDigit))
                .distinct().limit(24).toList();
    }

    // --- the root-cause vocabulary --------------------------------------------------------------------------------

    /** The root causes, retired ones included, in their order; shipped labels in the reader's language. */
    @Transactional(readOnly = true)
    public List<RootCause> rootCauses() {
        return rootCauses.all().stream().map(RootCauses::shown).toList();
    }

    /** Adds a root cause to the vocabulary (admins only). */
    @Transactional
    public Outcome<RootCause> addRootCause(String key, String label) {
        Actor actor = identity.requireActor();
        if (!actor.has(Role.ADMIN)) {
            return Outcome.refused(Refusal.forbidden("only admins edit the root causes"));
        }
        String cleanKey = key.strip();
        String cleanLabel = label.strip();
        if (!ROOT_CAUSE_KEY.matcher(cleanKey).matches()) {
            return Outcome.refused(Refusal.invalid("key", "must be 2 to 40 lower-case letters, digits and dashes, "
                    + "starting with a letter"));
        }
        Optional<Refusal> problem = labelProblem(cleanLabel, cleanKey);
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        if (rootCauses.find(cleanKey).isPresent()) {
            return Outcome.refused(Refusal.conflict("key", "a root cause with this key already exists"));
        }
        rootCauses.add(cleanKey, cleanLabel);
        RootCause added = rootCauses.find(cleanKey).orElseThrow();
        events.publishEvent(new RootCauseChanged(cleanKey, actor.ref(), clock.instant(), "added", Optional.empty(),
                Optional.of(digest(added))));
        return Outcome.done(added);
    }

    /** Renames, retires or restores a root cause (admins only); reviews that chose it keep it. */
    @Transactional
    public Outcome<RootCause> changeRootCause(String key, String label, boolean retired, long version) {
        Actor actor = identity.requireActor();
        if (!actor.has(Role.ADMIN)) {
            return Outcome.refused(Refusal.forbidden("only admins edit the root causes"));
        }
        Optional<RootCause> found = rootCauses.find(key);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("root cause " + key));
        }
        RootCause before = found.get();
        String wanted = RootCauses.asStored(before, label.strip());
        Optional<Refusal> problem = labelProblem(wanted, key);
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        if (before.version() != version || !rootCauses.change(key, wanted, retired, version)) {
            return Outcome.refused(Refusal.stale(version, before.version()));
        }
        RootCause after = rootCauses.find(key).orElseThrow();
        String verb = before.retired() != retired ? (retired ? "retired" : "restored") : "renamed";
        events.publishEvent(new RootCauseChanged(key, actor.ref(), clock.instant(), verb,
                Optional.of(digest(before)), Optional.of(digest(after))));
        return Outcome.done(RootCauses.shown(after));
    }

    private Optional<Refusal> labelProblem(String label, String key) {
        if (label.isEmpty() || label.length() > 100) {
            return Optional.of(Refusal.invalid("label", "must be 1 to 100 characters"));
        }
        if (rootCauses.labelTaken(label, key)) {
            return Optional.of(Refusal.conflict("label", "another root cause already has this name"));
        }
        return Optional.empty();
    }

    private static String digest(RootCause cause) {
        return ContentDigest.of(cause.key() + "|" + cause.label() + "|" + cause.retired()).hex();
    }

    // --- post-incident reviews ------------------------------------------------------------------------------------

    /**
     * The review of an incident, for staff who may see the incident; a review not started yet is an empty draft of
     * version 0.
     */
    @Transactional(readOnly = true)
    public Outcome<Review> review(IncidentId id) {
        Actor actor = identity.requireActor();
        Optional<IncidentView> incident = visibleIncident(id);
        if (incident.isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        if (!actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.AUDITOR)) {
            return Outcome.refused(Refusal.forbidden("only the security team reads post-incident reviews"));
        }
        return Outcome.done(reviewOf(incident.get()));
    }

    /**
     * Whether the review of the incident is due to be written (see {@link Review#due}); the incident page shows the
     * review from then on. Only for an incident whose review the signed-in user was allowed to read.
     */
    @Transactional(readOnly = true)
    public boolean reviewIsDue(IncidentId id) {
        return incidents.incidentForSystem(id).filter(incident -> Review.due(incident.status(),
                reviewSettings.requiredPriorities().contains(incident.priorityLevel()),
                reviews.find(id).isPresent())).isPresent();
    }

    /** Whether the signed-in user may write the review of this incident. */
    @Transactional(readOnly = true)
    public boolean mayWriteReview(IncidentId id) {
        return identity.requireActor().hasAny(Role.HANDLER, Role.COORDINATOR) && visibleIncident(id).isPresent();
    }

    /**
     * Saves the review of an incident as a draft, or saves and completes it; completing needs a summary and a root
     * cause. {@code draft.version()} must be the stored version (0 before the first save).
     */
    @Transactional
    public Outcome<Review> saveReview(IncidentId id, ReviewDraft draft, boolean complete) {
        Actor actor = identity.requireActor();
        Optional<Refusal> refusal = writeRefusal(actor, id);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        IncidentView incident = incidents.incidentForSystem(id).orElseThrow();
        PostIncidentReview before = PostIncidentReview.of(incident, reviews.find(id));
        ReviewContent content = ReviewContent.of(draft);
        Instant now = clock.instant();
        Outcome<PostIncidentReview.Saved> saved = content.problem()
                .or(() -> rootCauseProblem(content.rootCause(), before.rootCause()))
                .<Outcome<PostIncidentReview.Saved>>map(Outcome::refused)
                .orElseGet(() -> complete ? before.complete(content, actor.displayName(), now)
                        : Outcome.done(before.saveDraft(content, now)));
        return saved.flatMap(change -> store(before, change, draft.version()))
                .map(change -> {
                    events.publishEvent(new ReviewChanged(id, actor.ref(), now, change.verb(),
                            before.stored() ? Optional.of(before.digest()) : Optional.empty(),
                            Optional.of(change.review().digest())));
                    events.publishEvent(new ReviewSaved(id));
                    return reviewOf(incident);
                });
    }

    /** Stores a saved review if the author saw the stored version; refused as stale if not. */
    private Outcome<PostIncidentReview.Saved> store(PostIncidentReview before, PostIncidentReview.Saved change,
            long seenVersion) {
        if (seenVersion != before.version()) {
            return Outcome.refused(Refusal.stale(seenVersion, before.version()));
        }
        if (!before.stored()) {
            reviews.insert(change.review());
        } else if (!reviews.update(change.review(), before.version())) {
            return Outcome.refused(Refusal.stale(seenVersion, before.version() + 1));
        }
        return Outcome.done(change);
    }

    /** Adds a corrective action to the review of an incident; starts the review as a draft if needed. */
    @Transactional
    public Outcome<CorrectiveAction> addCorrectiveAction(IncidentId id, NewCorrectiveAction action) {
        Actor actor = identity.requireActor();
        Optional<Refusal> refusal = writeRefusal(actor, id);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        String title = action.title() == null ? "" : action.title().strip();
        Optional<Refusal> problem = newActionProblem(title, action);
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        Instant now = clock.instant();
        IncidentView incident = incidents.incidentForSystem(id).orElseThrow();
        PostIncidentReview review = PostIncidentReview.of(incident, reviews.find(id));
        if (!review.stored()) {
            // corrective actions belong to a stored review: an empty draft until someone writes it
            reviews.insert(review.saveDraft(ReviewContent.NONE, now).review());
        }
        CorrectiveActionItem added = CorrectiveActionItem.planned(id, incident.reference(), title,
                Objects.requireNonNull(action.owner()), Objects.requireNonNull(action.dueOn()));
        correctiveActions.add(added, now);
        events.publishEvent(new ReviewChanged(id, actor.ref(), now, "action-added", Optional.empty(),
                Optional.of(added.contentDigest())));
        return Outcome.done(actionView(correctiveActions.find(added.id()).orElseThrow()));
    }

    /** Why a new corrective action cannot be added: no title, no owner who exists, no due date from today on. */
    private Optional<Refusal> newActionProblem(String title, NewCorrectiveAction action) {
        if (title.isEmpty() || title.length() > 500) {
            return Optional.of(Refusal.invalid("title", "must be 1 to 500 characters"));
        }
        if (action.owner() == null) {
            return Optional.of(Refusal.invalid("owner", "a corrective action needs an owner"));
        }
        if (!identity.userExists(action.owner())) {
            return Optional.of(Refusal.invalid("owner", "user {0} does not exist", action.owner()));
        }
        if (action.dueOn() == null) {
            return Optional.of(Refusal.invalid("dueOn", "a corrective action needs a due date"));
        }
        if (action.dueOn().isBefore(today())) {
            return Optional.of(Refusal.invalid("dueOn", "lies in the past"));
        }
        return Optional.empty();
    }

    /** Marks a corrective action done, or open again; its owner, or a handler or coordinator of the incident. */
    @Transactional
    public Outcome<CorrectiveAction> markCorrectiveAction(CorrectiveActionId actionId, boolean done, long version) {
        Actor actor = identity.requireActor();
        Optional<CorrectiveActionItem> found = correctiveActions.find(actionId);
        if (found.isEmpty() || !found.get().owner().equals(actor.id())
                && writeRefusal(actor, found.get().incident()).isPresent()) {
            return Outcome.refused(Refusal.notFound("corrective action " + actionId));
        }
        CorrectiveActionItem before = found.get();
        if (before.version() != version) {
            return Outcome.refused(Refusal.stale(version, before.version()));
        }
        Instant now = clock.instant();
        CorrectiveActionItem after = done ? before.markDone(now) : before.reopen();
        if (!correctiveActions.save(after, version)) {
            return Outcome.refused(Refusal.stale(version, version + 1));
        }
        events.publishEvent(new ReviewChanged(before.incident(), actor.ref(), now, done ? "action-done"
                : "action-reopened", Optional.of(before.stateDigest()), Optional.of(after.stateDigest())));
        return Outcome.done(actionView(correctiveActions.find(actionId).orElseThrow()));
    }

    /** The corrective actions of every review, the open ones only if asked, earliest due first (coordinators). */
    @Transactional(readOnly = true)
    public Outcome<List<CorrectiveAction>> correctiveActions(boolean openOnly) {
        if (!identity.requireActor().has(Role.COORDINATOR)) {
            return Outcome.refused(Refusal.forbidden("only coordinators see all corrective actions"));
        }
        return Outcome.done(actionViews(correctiveActions.all(openOnly, 500)));
    }

    /** Whether the incident has a completed review; for the rule that refuses to close without one. */
    @Transactional(readOnly = true)
    public boolean hasCompletedReview(IncidentId id) {
        return reviews.isCompleted(id);
    }

    private Optional<Refusal> writeRefusal(Actor actor, IncidentId id) {
        if (visibleIncident(id).isEmpty()) {
            return Optional.of(Refusal.notFound("incident " + id));
        }
        if (!actor.hasAny(Role.HANDLER, Role.COORDINATOR)) {
            return Optional.of(Refusal.forbidden("only handlers and coordinators write post-incident reviews"));
        }
        return Optional.empty();
    }

    private Optional<Refusal> rootCauseProblem(@Nullable String key, @Nullable String storedKey) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<RootCause> cause = rootCauses.find(key);
        if (cause.isEmpty()) {
            return Optional.of(Refusal.invalid("rootCause", "''{0}'' is not a root cause of the vocabulary", key));
        }
        if (cause.get().retired() && !key.equals(storedKey)) {
            return Optional.of(Refusal.invalid("rootCause",
                    "''{0}'' is retired; choose another root cause", cause.get().label()));
        }
        return Optional.empty();
    }

    private Review reviewOf(IncidentView incident) {
        PostIncidentReview review = PostIncidentReview.of(incident, reviews.find(incident.id()));
        String label = review.rootCause() == null ? null
                : rootCauses.find(review.rootCause()).map(RootCauses::shown).map(RootCause::label)
                        .orElse(review.rootCause());
        return Review.of(review, label, actionViews(correctiveActions.of(incident.id())));
    }

    private List<CorrectiveAction> actionViews(List<CorrectiveActionItem> actions) {
        Map<UserId, String> names = identity.displayNames(actions.stream().map(CorrectiveActionItem::owner).toList());
        LocalDate today = today();
        return actions.stream().map(action -> CorrectiveAction.of(action,
                names.getOrDefault(action.owner(), action.owner().toString()), today)).toList();
    }

    private CorrectiveAction actionView(CorrectiveActionItem action) {
        return actionViews(List.of(action)).get(0);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // --- recurring incidents ----------------------------------------------------------------------------------------

    /**
     * Why an incident the signed-in user may handle recurs: the earlier incidents it resembles that they may see;
     * empty when it does not recur or they may not see it.
     */
    @Transactional(readOnly = true)
    public Optional<Recurrence> recurrence(IncidentId id) {
        Actor actor = identity.requireActor();
        if (!actor.hasAny(Role.HANDLER, Role.COORDINATOR) || visibleIncident(id).isEmpty()) {
            return Optional.empty();
        }
        return Recurrences.grouped(recurrences.of(id)).stream().findFirst().map(this::onlyVisible)
                .filter(recurrence -> !recurrence.earlier().isEmpty());
    }

    /** The recurring incidents, most recently reported first (coordinators). */
    @Transactional(readOnly = true)
    public Outcome<List<Recurrence>> recurringIncidents(int limit) {
        if (!identity.requireActor().has(Role.COORDINATOR)) {
            return Outcome.refused(Refusal.forbidden("only coordinators see the recurring incidents"));
        }
        if (limit < 1 || limit > 500) {
            return Outcome.refused(Refusal.invalid("limit", "must be from 1 to 500"));
        }
        return Outcome.done(recurrences.recent(limit));
    }

    /**
     * The earlier incidents that make this one recurring, computed now rather than read from the stored flags: the
     * same asset or category and similar text (from the incidents module), and the same root cause (from completed
     * reviews), within the recurrence window; only those the signed-in user may see.
     */
    @Transactional(readOnly = true)
    public Outcome<List<Recurrence.Earlier>> recurrenceCandidates(IncidentId id, int limit) {
        Actor actor = identity.requireActor();
        if (visibleIncident(id).isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        if (!actor.hasAny(Role.HANDLER, Role.COORDINATOR)) {
            return Outcome.refused(Refusal.forbidden("only handlers and coordinators see recurrence candidates"));
        }
        if (limit < 1 || limit > IncidentManagement.MAX_SIMILAR) {
            return Outcome.refused(Refusal.invalid("limit", "must be from 1 to " + IncidentManagement.MAX_SIMILAR));
        }
        IncidentView incident = incidents.incidentForSystem(id).orElseThrow();
        List<Recurrences.Flag> flags = new ArrayList<>(candidates(incident, limit));
        return Outcome.done(Recurrences.grouped(flags).stream().findFirst().map(this::onlyVisible)
                .map(Recurrence::earlier).orElse(List.of()));
    }

    /** The flags an incident has now, for every reason; for detection and for the candidates' endpoint. */
    List<Recurrences.Flag> candidates(IncidentView incident, int limit) {
        Instant from = windowStart(incident.reportedAt());
        List<Recurrences.Flag> flags = new ArrayList<>();
        incidents.similarIncidents(incident.id(), java.time.Duration.between(from, incident.reportedAt()), limit)
                .forEach(similar -> similar.reasons().forEach(reason -> flags.add(new Recurrences.Flag(incident.id(),
                        incident.reference(), incident.title(), incident.reportedAt(), similar.id(),
                        similar.reference(), similar.title(), similar.reportedAt(), reason, similar.score()))));
        reviews.find(incident.id()).filter(review -> review.completed()
                && review.rootCause() != null).ifPresent(review -> reviews.completedWithRootCause(
                        review.rootCause(), from, incident.reportedAt(), incident.id()).stream()
                        .filter(earlier -> earlier.reportedAt().isBefore(incident.reportedAt())).limit(limit)
                        .forEach(earlier -> flags.add(new Recurrences.Flag(incident.id(), incident.reference(),
                                incident.title(), incident.reportedAt(), earlier.incident(), earlier.reference(),
                                earlier.title(), earlier.reportedAt(), SAME_ROOT_CAUSE, 1.0))));
        return flags;
    }

    /** The reason an incident recurs when its review found the same root cause as an earlier one's. */
    public static final String SAME_ROOT_CAUSE = "same-root-cause";

    Instant windowStart(Instant reportedAt) {
        return reportedAt.atZone(ZoneOffset.UTC).minus(recurrenceSettings.window()).toInstant();
    }

    Instant windowEnd(Instant reportedAt) {
        return reportedAt.atZone(ZoneOffset.UTC).plus(recurrenceSettings.window()).toInstant();
    }

    private Recurrence onlyVisible(Recurrence recurrence) {
        return new Recurrence(recurrence.incident(), recurrence.reference(), recurrence.title(),
                recurrence.reportedAt(), recurrence.earlier().stream()
                        .filter(earlier -> incidents.resolveReference(earlier.incident().toString()).isPresent())
                        .toList());
    }

    /** The incident, if the signed-in user may see it; not audited as a read (only its existence is used). */
    private Optional<IncidentView> visibleIncident(IncidentId id) {
        return incidents.resolveReference(id.toString()).flatMap(incidents::incidentForSystem);
    }

    /** Published after a review was saved, for recurrence detection; not audited (ReviewChanged is). */
    record ReviewSaved(IncidentId incident) {}

    static Set<String> reasonsOf(List<Recurrences.Flag> flags) {
        return flags.stream().map(Recurrences.Flag::reason).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
