package io.cairn.knowledge;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.shared.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The knowledge module's entry point: knowledge articles and self-help, post-incident reviews with their root causes
 * and corrective actions, and recurring incidents. It hands each request to the service of its use case, where the
 * rules are:
 *
 * <ul>
 *   <li>{@link ArticleReading}, {@link ArticleAuthoring} and {@link ArticleSuggestions}: handlers, coordinators and
 *       admins write articles; staff read every article; everyone else, also a reporter without an account, reads
 *       only self-help articles (audience {@code reporters}). Articles are read in the reader's language where the
 *       revision has a translation into it (the shipped ones do), and as written everywhere else.
 *   <li>{@link Reviewing} and {@link CorrectiveActionTracking}: reviews are read by staff who may see the incident
 *       (handlers, coordinators, privacy officers, auditors) and written by handlers and coordinators who may see
 *       it; never by reporters or resolvers. Coordinators follow all corrective actions.
 *   <li>{@link RootCauseVocabulary}: admins edit the root-cause vocabulary.
 *   <li>{@link RecurrenceFinding}: handlers and coordinators see why an incident recurs, coordinators the recurring
 *       incidents.
 * </ul>
 * Every change publishes an event the audit trail records in the same transaction. Only what is used outside the
 * module is public: writing an article, saving a review and adding a corrective action (the page walk uses them to
 * set up its data); the module's own pages and API call the rest.
 */
@Service
public class KnowledgeManagement {

    /** The reason an incident recurs when its review found the same root cause as an earlier one's. */
    static final String SAME_ROOT_CAUSE = RecurrenceFinding.SAME_ROOT_CAUSE;

    private final KnowledgeAccess access;
    private final ArticleReading reading;
    private final ArticleAuthoring authoring;
    private final ArticleSuggestions suggestions;
    private final MarkdownRendering markdown;
    private final RootCauseVocabulary rootCauses;
    private final Reviewing reviewing;
    private final CorrectiveActionTracking actions;
    private final RecurrenceFinding recurrences;

    KnowledgeManagement(
            KnowledgeAccess access,
            ArticleReading reading,
            ArticleAuthoring authoring,
            ArticleSuggestions suggestions,
            MarkdownRendering markdown,
            RootCauseVocabulary rootCauses,
            Reviewing reviewing,
            CorrectiveActionTracking actions,
            RecurrenceFinding recurrences) {
        this.access = access;
        this.reading = reading;
        this.authoring = authoring;
        this.suggestions = suggestions;
        this.markdown = markdown;
        this.rootCauses = rootCauses;
        this.reviewing = reviewing;
        this.actions = actions;
        this.recurrences = recurrences;
    }

    /** Published after a review was saved, for recurrence detection; not audited (ReviewChanged is). */
    record ReviewSaved(IncidentId incident) {}

    // --- articles -------------------------------------------------------------------------------------------------

    /** Whether the user reads internal articles (staff), not only self-help; false without an account. */
    boolean readsInternalArticles() {
        return access.readsInternalArticles();
    }

    /** Whether the user writes articles; false without an account. */
    boolean writesArticles() {
        return access.writesArticles();
    }

    /** The article with this slug, if the reader may read it, in the reader's language. */
    Optional<Article> article(String slug) {
        return reading.article(slug);
    }

    /** An article's Markdown as safe HTML (see {@link MarkdownRendering}). */
    String html(String markdownSource) {
        return markdown.html(markdownSource);
    }

    /** The revisions of an article the reader may read, newest first. */
    Optional<List<ArticleRevision>> revisions(String slug) {
        return reading.revisions(slug);
    }

    /** One earlier revision of an article the reader may read. */
    Optional<ArticleRevision> revision(String slug, int revision) {
        return reading.revision(slug, revision);
    }

    /** The articles the reader may read that match the query, best first; see {@link ArticleReading#search}. */
    Outcome<List<ArticleHit>> search(
            @Nullable String query, @Nullable String category, @Nullable String tag, int limit) {
        return reading.search(query, category, tag, limit);
    }

    /** Only self-help articles, for the help page, whoever reads them (also without an account). */
    List<ArticleHit> selfHelp(@Nullable String query) {
        return reading.selfHelp(query);
    }

    /** Writes a new article; its first revision. */
    public Outcome<Article> write(ArticleDraft draft) {
        return authoring.write(draft);
    }

    /** Saves a new revision of an article; {@code draft.version()} must be the stored version. */
    Outcome<Article> revise(String slug, ArticleDraft draft) {
        return authoring.revise(slug, draft);
    }

    /** Shipped content, written once by Cairn itself at start-up; see {@link ArticleAuthoring#ship}. */
    Optional<Article> ship(ArticleDraft draft, List<Articles.Translation> translations) {
        return authoring.ship(draft, translations);
    }

    /** The articles suggested for an incident the signed-in user may see, best first. */
    Optional<List<ArticleHit>> suggestions(IncidentId id, int limit) {
        return suggestions.suggestions(id, limit);
    }

    // --- the root-cause vocabulary --------------------------------------------------------------------------------

    /** The root causes, retired ones included, in their order; shipped labels in the reader's language. */
    List<RootCause> rootCauses() {
        return rootCauses.rootCauses();
    }

    /** Adds a root cause to the vocabulary (admins only). */
    Outcome<RootCause> addRootCause(String key, String label) {
        return rootCauses.add(key, label);
    }

    /** Renames, retires or restores a root cause (admins only); reviews that chose it keep it. */
    Outcome<RootCause> changeRootCause(String key, String label, boolean retired, long version) {
        return rootCauses.change(key, label, retired, version);
    }

    // --- post-incident reviews ------------------------------------------------------------------------------------

    /** The review of an incident, for staff who may see it; one not started yet is an empty draft of version 0. */
    Outcome<Review> review(IncidentId id) {
        return reviewing.review(id);
    }

    /** Whether the review of the incident is due to be written; see {@link Reviewing#isDue}. */
    boolean reviewIsDue(IncidentId id) {
        return reviewing.isDue(id);
    }

    /** Whether the signed-in user may write the review of this incident. */
    boolean mayWriteReview(IncidentId id) {
        return reviewing.mayWrite(id);
    }

    /** Saves the review of an incident as a draft, or saves and completes it; see {@link Reviewing#save}. */
    public Outcome<Review> saveReview(IncidentId id, ReviewDraft draft, boolean complete) {
        return reviewing.save(id, draft, complete);
    }

    /** Whether the incident has a completed review; for the rule that refuses to close without one. */
    boolean hasCompletedReview(IncidentId id) {
        return reviewing.hasCompleted(id);
    }

    /** Adds a corrective action to the review of an incident; starts the review as a draft if needed. */
    public Outcome<CorrectiveAction> addCorrectiveAction(IncidentId id, NewCorrectiveAction action) {
        return actions.add(id, action);
    }

    /** One corrective action, for its owner and for those who read the review of its incident (the risk register). */
    public Outcome<CorrectiveAction> correctiveAction(CorrectiveActionId id) {
        return actions.one(id);
    }

    /** Marks a corrective action done, or open again; its owner, or a handler or coordinator of the incident. */
    Outcome<CorrectiveAction> markCorrectiveAction(CorrectiveActionId id, boolean done, long version) {
        return actions.mark(id, done, version);
    }

    /** The corrective actions of every review, the open ones only if asked, earliest due first (coordinators). */
    Outcome<List<CorrectiveAction>> correctiveActions(boolean openOnly) {
        return actions.all(openOnly);
    }

    // --- recurring incidents ----------------------------------------------------------------------------------------

    /** Why an incident the signed-in user may handle recurs: the earlier incidents it resembles that they may see. */
    Optional<Recurrence> recurrence(IncidentId id) {
        return recurrences.recurrence(id);
    }

    /** The recurring incidents, most recently reported first (coordinators). */
    Outcome<List<Recurrence>> recurringIncidents(int limit) {
        return recurrences.recurringIncidents(limit);
    }

    /** The earlier incidents that make this one recurring, computed now; see {@link RecurrenceFinding#candidates}. */
    Outcome<List<Recurrence.Earlier>> recurrenceCandidates(IncidentId id, int limit) {
        return recurrences.candidates(id, limit);
    }

    /** The flags an incident has now, for every reason; for {@link RecurrenceDetection}. */
    List<Recurrences.Flag> candidates(IncidentView incident, int limit) {
        return recurrences.flags(incident, limit);
    }

    /** The end of the window in which later incidents recur; for {@link RecurrenceDetection}. */
    Instant windowEnd(Instant reportedAt) {
        return recurrences.windowEnd(reportedAt);
    }
}
