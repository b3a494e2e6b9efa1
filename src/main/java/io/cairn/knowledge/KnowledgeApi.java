package io.cairn.knowledge;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge API: articles and their revisions, post-incident reviews with corrective actions, the root-cause
 * vocabulary, and recurring incidents.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Knowledge articles",
        description = "Articles for handlers and self-help for reporters, in Markdown, with their revisions; "
                + "searched in full text and suggested for incidents.")
class KnowledgeApi {

    private final KnowledgeManagement knowledge;

    KnowledgeApi(KnowledgeManagement knowledge) {
        this.knowledge = knowledge;
    }

    /** An article as the API answers it: the Markdown and, rendered safely, the HTML. */
    record ArticleBody(Article article, String html) {}

    @Operation(
            operationId = "searchArticles",
            summary = "Search the articles you may read",
            description = "Full-text search in web-search syntax (words, \"a phrase\", -not, or), best match first, "
                    + "each with a snippet in HTML whose matches are in <mark>. Without q: the latest updated. Reporters "
                    + "find only self-help articles.")
    @GetMapping("/knowledge/articles")
    List<ArticleHit> search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(defaultValue = "20") int limit) {
        return knowledge.search(q, category, tag, limit).orRefuse();
    }

    @Operation(
            operationId = "writeArticle",
            summary = "Write a new article",
            description = "Handlers, coordinators and admins. Without a slug, one is made from the title. The body "
                    + "is Markdown; raw HTML in it is shown as text.")
    @ApiResponse(responseCode = "201", description = "The article, with its Markdown rendered")
    @ApiResponse(responseCode = "409", description = "Another article already has this slug.")
    @PostMapping("/knowledge/articles")
    ResponseEntity<ArticleBody> write(@Valid @RequestBody ArticleDraft draft) {
        Article article = knowledge.write(draft).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/knowledge/articles/" + article.slug()))
                .eTag(String.valueOf(article.version()))
                .body(new ArticleBody(article, knowledge.html(article.body())));
    }

    @Operation(
            operationId = "getArticle",
            summary = "Read an article",
            description = "Its current revision, with the Markdown rendered safely.")
    @GetMapping("/knowledge/articles/{slug}")
    ResponseEntity<ArticleBody> article(@PathVariable String slug) {
        Article article = knowledge.article(slug).orElseThrow(() -> notFound("article " + slug));
        return ResponseEntity.ok()
                .eTag(String.valueOf(article.version()))
                .body(new ArticleBody(article, knowledge.html(article.body())));
    }

    @Operation(operationId = "reviseArticle", summary = "Save a new revision of an article")
    @PutMapping("/knowledge/articles/{slug}")
    ArticleBody revise(@PathVariable String slug, @Valid @RequestBody ArticleDraft draft) {
        Article article = knowledge.revise(slug, draft).orRefuse();
        return new ArticleBody(article, knowledge.html(article.body()));
    }

    @Operation(
            operationId = "listArticleRevisions",
            summary = "List the revisions of an article",
            description = "Newest first.")
    @GetMapping("/knowledge/articles/{slug}/revisions")
    List<ArticleRevision> revisions(@PathVariable String slug) {
        return knowledge.revisions(slug).orElseThrow(() -> notFound("article " + slug));
    }

    @Operation(operationId = "getArticleRevision", summary = "Read one revision of an article")
    @GetMapping("/knowledge/articles/{slug}/revisions/{revision}")
    ArticleRevision revision(@PathVariable String slug, @PathVariable int revision) {
        return knowledge
                .revision(slug, revision)
                .orElseThrow(() -> notFound("revision " + revision + " of article " + slug));
    }

    @Operation(
            operationId = "suggestArticles",
            summary = "Articles suggested for an incident",
            description = "By the incident's category and the words of its title and description, best first.")
    @GetMapping("/incidents/{id}/suggested-articles")
    List<ArticleHit> suggestions(@PathVariable IncidentId id, @RequestParam(defaultValue = "5") int limit) {
        return knowledge.suggestions(id, limit).orElseThrow(() -> notFound("incident " + id));
    }

    @Tag(
            name = "Reviews",
            description = "Post-incident reviews: what happened, the root cause, what went well and what to "
                    + "improve, and the corrective actions that follow.")
    @Operation(
            operationId = "getReview",
            summary = "Read the post-incident review of an incident",
            description = "Staff who may see the incident. A review not started yet is an empty draft of version 0.")
    @GetMapping("/incidents/{id}/review")
    Review review(@PathVariable IncidentId id) {
        return knowledge.review(id).orRefuse();
    }

    /** A review as the API writes it: its texts, and whether to complete it. */
    record ReviewBody(
            @Nullable String summary,
            @Nullable String rootCause,
            @Nullable String wentWell,
            @Nullable String toImprove,
            boolean complete,
            long version) {}

    @Tag(name = "Reviews")
    @Operation(
            operationId = "saveReview",
            summary = "Save or complete the post-incident review of an incident",
            description = "Handlers and coordinators. complete=true needs a summary and a root cause that is not "
                    + "retired; version must be the stored version (0 before the first save).")
    @PutMapping("/incidents/{id}/review")
    Review saveReview(@PathVariable IncidentId id, @Valid @RequestBody ReviewBody body) {
        return knowledge
                .saveReview(
                        id,
                        new ReviewDraft(
                                body.summary(), body.rootCause(), body.wentWell(), body.toImprove(), body.version()),
                        body.complete())
                .orRefuse();
    }

    @Tag(name = "Reviews")
    @Operation(
            operationId = "addCorrectiveAction",
            summary = "Add a corrective action to the review of an incident",
            description = "Needs a title, an owner (a user id) and a due date that is not in the past.")
    @ApiResponse(responseCode = "201", description = "The corrective action, added")
    @PostMapping("/incidents/{id}/review/actions")
    ResponseEntity<CorrectiveAction> addAction(@PathVariable IncidentId id, @RequestBody NewCorrectiveAction action) {
        return ResponseEntity.status(201)
                .body(knowledge.addCorrectiveAction(id, action).orRefuse());
    }

    /** A change of a corrective action's status. */
    record ActionStatus(@NotNull Boolean done, long version) {}

    @Tag(name = "Reviews")
    @Operation(
            operationId = "markCorrectiveAction",
            summary = "Mark a corrective action done, or open again",
            description = "Its owner, or a handler or coordinator who may see the incident.")
    @PostMapping("/corrective-actions/{id}/status")
    CorrectiveAction markAction(@PathVariable CorrectiveActionId id, @Valid @RequestBody ActionStatus status) {
        return knowledge
                .markCorrectiveAction(id, status.done(), status.version())
                .orRefuse();
    }

    @Tag(name = "Reviews")
    @Operation(
            operationId = "listCorrectiveActions",
            summary = "List corrective actions",
            description =
                    "Coordinators; open=true for the open ones only, earliest due first; overdue ones are " + "marked.")
    @GetMapping("/corrective-actions")
    List<CorrectiveAction> actions(@RequestParam(defaultValue = "false") boolean open) {
        return knowledge.correctiveActions(open).orRefuse();
    }

    @Tag(name = "Root causes", description = "The vocabulary of root causes that reviews choose from; admins keep it.")
    @Operation(
            operationId = "listRootCauses",
            summary = "List the root causes",
            description = "The vocabulary reviews choose from, retired ones included.")
    @GetMapping("/root-causes")
    List<RootCause> rootCauses() {
        return knowledge.rootCauses();
    }

    /** A new root cause. */
    record NewRootCause(@NotBlank String key, @NotBlank String label) {}

    @Tag(name = "Root causes")
    @Operation(operationId = "addRootCause", summary = "Add a root cause", description = "Admins only.")
    @ApiResponse(responseCode = "201", description = "The root cause, added")
    @ApiResponse(responseCode = "409", description = "A root cause with this key already exists.")
    @PostMapping("/root-causes")
    ResponseEntity<RootCause> addRootCause(@Valid @RequestBody NewRootCause cause) {
        return ResponseEntity.status(201)
                .body(knowledge.addRootCause(cause.key(), cause.label()).orRefuse());
    }

    /** A renamed, retired or restored root cause. */
    record RootCauseChange(@NotBlank String label, boolean retired, long version) {}

    @Tag(name = "Root causes")
    @Operation(
            operationId = "changeRootCause",
            summary = "Rename, retire or restore a root cause",
            description = "Admins only; reviews that chose a retired root cause keep it, new choices cannot pick it.")
    @ApiResponse(responseCode = "200", description = "The root cause, changed")
    @ApiResponse(responseCode = "409", description = "Another root cause already has this label.")
    @PutMapping("/root-causes/{key}")
    RootCause changeRootCause(@PathVariable String key, @Valid @RequestBody RootCauseChange change) {
        return knowledge
                .changeRootCause(key, change.label(), change.retired(), change.version())
                .orRefuse();
    }

    @Tag(
            name = "Recurrences",
            description = "Incidents that resemble earlier ones: the same asset, the same category and similar "
                    + "text, or the same root cause.")
    @Operation(
            operationId = "listRecurrences",
            summary = "List the recurring incidents",
            description = "Coordinators; most recently reported first, each with the earlier incidents it resembles "
                    + "and why.")
    @GetMapping("/recurrences")
    List<Recurrence> recurrences(@RequestParam(defaultValue = "100") int limit) {
        return knowledge.recurringIncidents(limit).orRefuse();
    }

    @Tag(name = "Recurrences")
    @Operation(
            operationId = "findRecurrenceCandidates",
            summary = "Find the recurrence candidates of an incident now",
            description = "Earlier incidents within the recurrence window with the same asset, the same category "
                    + "and similar text, or the same root cause; only those you may see.")
    @GetMapping("/incidents/{id}/recurrence-candidates")
    List<Recurrence.Earlier> candidates(@PathVariable IncidentId id, @RequestParam(defaultValue = "10") int limit) {
        return knowledge.recurrenceCandidates(id, limit).orRefuse();
    }

    private static RefusedException notFound(String what) {
        return new RefusedException(Refusal.notFound(what));
    }
}
