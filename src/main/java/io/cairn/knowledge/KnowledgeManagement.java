package io.cairn.knowledge;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.UserId;
import io.cairn.incidents.Category;
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

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 100_000;
    static final int MAX_TEXT = 20_000;
    static final int MAX_TAGS = 20;

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    private static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,39}$");
    private static final Pattern ROOT_CAUSE_KEY = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");
    private static final Set<String> RESERVED_SLUGS = Set.of("new", "search", "edit", "history");
    private static final Set<String> COMMON_WORDS = Set.of("about", "after", "also", "been", "before", "could",
            "does", "from", "have", "into", "just", "more", "only", "other", "over", "some", "than", "that",
            "their", "them", "then", "there", "these", "they", "this", "were", "what", "when", "which", "while",
            "with", "would", "your", "zijn", "niet", "maar", "heeft", "hebben", "voor", "door", "naar", "deze");

    private final Articles articles;
    private final RootCauses rootCauses;
    private final Reviews reviews;
    private final Recurrences recurrences;
    private final MarkdownRendering markdown;
    private final IncidentManagement incidents;
    private final IdentityManagement identity;
    private final KnowledgeSettings.Recurrence recurrenceSettings;
    private final KnowledgeSettings.Review reviewSettings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    KnowledgeManagement(Articles articles, RootCauses rootCauses, Reviews reviews, Recurrences recurrences,
            MarkdownRendering markdown, IncidentManagement incidents, IdentityManagement identity,
            KnowledgeSettings.Recurrence recurrenceSettings, KnowledgeSettings.Review reviewSettings,
            ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.rootCauses = rootCauses;
        this.reviews = reviews;
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
        String slug = draft.slug() == null || draft.slug().isBlank() ? slugOf(draft.title()) : draft.slug().strip();
        Optional<Refusal> problem = slugProblem(slug).or(() -> contentProblem(draft));
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        if (articles.slugTaken(slug)) {
            return Outcome.refused(Refusal.conflict("slug", "another article already has the address {0}", slug));
        }
        Article article = store(slug, draft, actor.displayName(), false);
        events.publishEvent(new ArticleChanged(slug, 1, actor.ref(), article.createdAt(), "written",
                Optional.empty(), Optional.of(digest(article))));
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
                "shipped", Optional.empty(), Optional.of(digest(article))));
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
        Article article = new Article(ArticleId.random(), slug, draft.title().strip(), draft.body().strip(),
                draft.audience(), categoriesOf(draft.categories()), tagsOf(draft.tags()), 1, now, now, by, 1);
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
        Article after = new Article(before.id(), slug, draft.title().strip(), draft.body().strip(), draft.audience(),
                categoriesOf(draft.categories()), tagsOf(draft.tags()), before.revision() + 1, before.createdAt(),
                clock.instant(), actor.displayName(), before.version() + 1);
        if (!articles.update(after, draft.version())) {
            return Outcome.refused(Refusal.stale(draft.version(), draft.version() + 1));
        }
        events.publishEvent(new ArticleChanged(slug, after.revision(), actor.ref(), after.updatedAt(), "revised",
                Optional.of(digest(before)), Optional.of(digest(after))));
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

    private Optional<Refusal> slugProblem(String slug) {
        if (slug.length() < 3 || slug.length() > 80 || !SLUG.matcher(slug).matches()) {
            return Optional.of(Refusal.invalid("slug", "must be 3 to 80 lower-case letters, digits and single "
                    + "dashes, such as collecting-mail-headers"));
        }
        if (RESERVED_SLUGS.contains(slug)) {
            return Optional.of(Refusal.invalid("slug", "''{0}'' is reserved; choose another address", slug));
        }
        return Optional.empty();
    }

    private Optional<Refusal> contentProblem(ArticleDraft draft) {
        String title = draft.title().strip();
        if (title.isEmpty()) {
            return Optional.of(Refusal.invalid("title", "must not be empty"));
        }
        if (title.length() > MAX_TITLE) {
            return Optional.of(Refusal.invalid("title", "must be at most {0} characters", String.valueOf(MAX_TITLE)));
        }
        if (draft.body().isBlank()) {
            return Optional.of(Refusal.invalid("body", "must not be empty"));
        }
        if (draft.body().length() > MAX_BODY) {
            return Optional.of(Refusal.invalid("body", "must be at most {0} characters", String.valueOf(MAX_BODY)));
        }
        Set<String> known = incidents.categories().stream()
                .map(choice -> choice.category().rsitClass() + "/" + choice.category().rsitType())
                .collect(Collectors.toSet());
        Optional<String> unknown = draft.categories().stream().map(String::strip)
                .filter(code -> !known.contains(code)).findFirst();
        if (unknown.isPresent()) {
            return Optional.of(Refusal.invalid("categories",
                    "''{0}'' is not an RSIT class and type such as fraud/phishing", unknown.get()));
        }
        List<String> tags = tagsOf(draft.tags());
        if (tags.size() > MAX_TAGS) {
            return Optional.of(Refusal.invalid("tags", "at most {0} tags", String.valueOf(MAX_TAGS)));
        }
        Optional<String> badTag = tags.stream().filter(tag -> !TAG.matcher(tag).matches()).findFirst();
        if (badTag.isPresent()) {
            return Optional.of(Refusal.invalid("tags", "''{0}'' is not a tag: use letters, digits, "
                    + "spaces, dots, dashes or underscores, at most 40", badTag.get()));
        }
        return Optional.empty();
    }

    /** The address an article gets from its title when the author chose none. */
    static String slugOf(String title) {
        String slug = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }

    private static List<Category> categoriesOf(List<String> codes) {
        return codes.stream().map(String::strip).filter(code -> code.contains("/")).distinct()
                .map(code -> new Category(code.substring(0, code.indexOf('/')), code.substring(code.indexOf('/') + 1)))
                .toList();
    }

    private static List<String> tagsOf(List<String> tags) {
        return tags.stream().map(tag -> tag.strip().toLowerCase(Locale.ROOT)).filter(tag -> !tag.isEmpty())
                .distinct().toList();
    }

    /** The significant words of an incident's text, for suggestions: long enough, not common, at most 24. */
    static List<String> wordsOf(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 4 && !COMMON_WORDS.contains(word)
                        && !word.chars().allMatch(Character::isDigit))
                .distinct().limit(24).toList();
    }

    private static String digest(Article article) {
        return ContentDigest.of(article.slug() + "|" + article.revision() + "|" + article.title() + "|"
                + article.audience() + "|" + article.categories() + "|" + article.tags() + "|" + article.body()).hex();
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
        Optional<Reviews.Stored> stored = reviews.find(id);
        long storedVersion = stored.map(Reviews.Stored::version).orElse(0L);
        String summary = ReviewDraft.text(draft.summary());
        String wentWell = ReviewDraft.text(draft.wentWell());
        String toImprove = ReviewDraft.text(draft.toImprove());
        String rootCause = draft.rootCause() == null || draft.rootCause().isBlank() ? null : draft.rootCause().strip();
        Optional<Refusal> problem = textProblem("summary", summary).or(() -> textProblem("wentWell", wentWell))
                .or(() -> textProblem("toImprove", toImprove))
                .or(() -> rootCauseProblem(rootCause, stored.map(Reviews.Stored::rootCause).orElse(null)));
        if (problem.isEmpty() && complete && summary.isEmpty()) {
            problem = Optional.of(Refusal.invalid("summary", "a completed review needs a summary of the timeline"));
        }
        if (problem.isEmpty() && complete && rootCause == null) {
            problem = Optional.of(Refusal.invalid("rootCause", "a completed review needs a root cause"));
        }
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        if (draft.version() != storedVersion) {
            return Outcome.refused(Refusal.stale(draft.version(), storedVersion));
        }
        Instant now = clock.instant();
        boolean wasCompleted = stored.map(s -> Review.COMPLETED.equals(s.status())).orElse(false);
        Reviews.Stored after = new Reviews.Stored(id, incident.reference(), incident.title(), incident.reportedAt(),
                summary, rootCause, wentWell, toImprove, complete ? Review.COMPLETED : Review.DRAFT,
                complete ? (wasCompleted ? stored.get().completedAt() : now) : null,
                complete ? (wasCompleted ? stored.get().completedBy() : actor.displayName()) : null, now,
                storedVersion + 1);
        if (stored.isEmpty()) {
            reviews.insert(after, now);
        } else if (!reviews.update(after, storedVersion)) {
            return Outcome.refused(Refusal.stale(draft.version(), storedVersion + 1));
        }
        String verb = complete ? (wasCompleted ? "revised" : "completed") : (wasCompleted ? "reopened" : "drafted");
        events.publishEvent(new ReviewChanged(id, actor.ref(), now, verb, stored.map(KnowledgeManagement::digest),
                Optional.of(digest(after))));
        events.publishEvent(new ReviewSaved(id));
        return Outcome.done(reviewOf(incident));
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
        if (title.isEmpty() || title.length() > 500) {
            return Outcome.refused(Refusal.invalid("title", "must be 1 to 500 characters"));
        }
        if (action.owner() == null) {
            return Outcome.refused(Refusal.invalid("owner", "a corrective action needs an owner"));
        }
        if (!identity.userExists(action.owner())) {
            return Outcome.refused(Refusal.invalid("owner", "user {0} does not exist", action.owner()));
        }
        if (action.dueOn() == null) {
            return Outcome.refused(Refusal.invalid("dueOn", "a corrective action needs a due date"));
        }
        if (action.dueOn().isBefore(today())) {
            return Outcome.refused(Refusal.invalid("dueOn", "lies in the past"));
        }
        Instant now = clock.instant();
        IncidentView incident = incidents.incidentForSystem(id).orElseThrow();
        if (reviews.find(id).isEmpty()) {
            reviews.insert(new Reviews.Stored(id, incident.reference(), incident.title(), incident.reportedAt(), "",
                    null, "", "", Review.DRAFT, null, null, now, 1), now);
        }
        CorrectiveActionId actionId = CorrectiveActionId.random();
        reviews.addAction(new Reviews.Action(actionId, id, incident.reference(), title, action.owner(),
                action.dueOn(), CorrectiveAction.OPEN, null, 0), now);
        events.publishEvent(new ReviewChanged(id, actor.ref(), now, "action-added", Optional.empty(),
                Optional.of(ContentDigest.of(actionId + "|" + title + "|" + action.owner() + "|" + action.dueOn())
                        .hex())));
        return Outcome.done(actionView(reviews.action(actionId).orElseThrow(),
                identity.displayNames(List.of(action.owner()))));
    }

    /** Marks a corrective action done, or open again; its owner, or a handler or coordinator of the incident. */
    @Transactional
    public Outcome<CorrectiveAction> markCorrectiveAction(CorrectiveActionId actionId, boolean done, long version) {
        Actor actor = identity.requireActor();
        Optional<Reviews.Action> found = reviews.action(actionId);
        if (found.isEmpty() || !found.get().owner().equals(actor.id())
                && writeRefusal(actor, found.get().incident()).isPresent()) {
            return Outcome.refused(Refusal.notFound("corrective action " + actionId));
        }
        Reviews.Action action = found.get();
        if (action.version() != version) {
            return Outcome.refused(Refusal.stale(version, action.version()));
        }
        Instant now = clock.instant();
        if (!reviews.changeActionStatus(actionId, done ? CorrectiveAction.DONE : CorrectiveAction.OPEN,
                done ? now : null, version)) {
            return Outcome.refused(Refusal.stale(version, version + 1));
        }
        events.publishEvent(new ReviewChanged(action.incident(), actor.ref(), now, done ? "action-done"
                : "action-reopened", Optional.of(ContentDigest.of(actionId + "|" + action.status()).hex()),
                Optional.of(ContentDigest.of(actionId + "|" + (done ? "done" : "open")).hex())));
        Reviews.Action after = reviews.action(actionId).orElseThrow();
        return Outcome.done(actionView(after, identity.displayNames(List.of(after.owner()))));
    }

    /** The corrective actions of every review, the open ones only if asked, earliest due first (coordinators). */
    @Transactional(readOnly = true)
    public Outcome<List<CorrectiveAction>> correctiveActions(boolean openOnly) {
        if (!identity.requireActor().has(Role.COORDINATOR)) {
            return Outcome.refused(Refusal.forbidden("only coordinators see all corrective actions"));
        }
        List<Reviews.Action> actions = reviews.actions(openOnly, 500);
        Map<UserId, String> names = identity.displayNames(actions.stream().map(Reviews.Action::owner).toList());
        return Outcome.done(actions.stream().map(action -> actionView(action, names)).toList());
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

    private static Optional<Refusal> textProblem(String field, String text) {
        return text.length() > MAX_TEXT ? Optional.of(Refusal.invalid(field, "must be at most {0} characters",
                String.valueOf(MAX_TEXT))) : Optional.empty();
    }

    private Review reviewOf(IncidentView incident) {
        Optional<Reviews.Stored> stored = reviews.find(incident.id());
        List<Reviews.Action> actions = reviews.actions(incident.id());
        Map<UserId, String> names = identity.displayNames(actions.stream().map(Reviews.Action::owner).toList());
        List<CorrectiveAction> views = actions.stream().map(action -> actionView(action, names)).toList();
        if (stored.isEmpty()) {
            return new Review(incident.id(), incident.reference(), "", null, null, "", "", Review.DRAFT, null, null,
                    views, incident.updatedAt(), 0);
        }
        Reviews.Stored review = stored.get();
        String label = review.rootCause() == null ? null
                : rootCauses.find(review.rootCause()).map(RootCauses::shown).map(RootCause::label)
                        .orElse(review.rootCause());
        return new Review(review.incident(), review.reference(), review.summary(), review.rootCause(), label,
                review.wentWell(), review.toImprove(), review.status(), review.completedAt(), review.completedBy(),
                views, review.updatedAt(), review.version());
    }

    private CorrectiveAction actionView(Reviews.Action action, Map<UserId, String> names) {
        boolean overdue = CorrectiveAction.OPEN.equals(action.status()) && action.dueOn().isBefore(today());
        return new CorrectiveAction(action.id(), action.incident(), action.reference(), action.title(),
                action.owner(), names.getOrDefault(action.owner(), action.owner().toString()), action.dueOn(),
                action.status(), action.doneAt(), overdue, action.version());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String digest(Reviews.Stored review) {
        return ContentDigest.of(review.incident() + "|" + review.status() + "|" + review.rootCause() + "|"
                + review.summary() + "|" + review.wentWell() + "|" + review.toImprove()).hex();
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
        reviews.find(incident.id()).filter(review -> Review.COMPLETED.equals(review.status())
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
