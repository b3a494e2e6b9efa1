package io.cairn.knowledge;

import io.cairn.incidents.IncidentManagement;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge pages: search and read articles ({@code /knowledge}), write and revise them, their history and old
 * revisions; and the reporters' self-help ({@code /help}).
 */
@Controller
class KnowledgePages {

    private final KnowledgeManagement knowledge;
    private final IncidentManagement incidents;

    KnowledgePages(KnowledgeManagement knowledge, IncidentManagement incidents) {
        this.knowledge = knowledge;
        this.incidents = incidents;
    }

    /** The article form: tags as one comma-separated line, categories as {@code class/type} codes. */
    record ArticleForm(
            @Nullable String slug,
            @Nullable String title,
            @Nullable String body,
            @Nullable String audience,
            @Nullable List<String> categories,
            @Nullable String tags,
            long version) {

        ArticleDraft draft() {
            return new ArticleDraft(
                    slug,
                    Objects.requireNonNullElse(title, ""),
                    Objects.requireNonNullElse(body, ""),
                    Audience.fromCode(Objects.requireNonNullElse(audience, "")).orElse(Audience.HANDLERS),
                    Objects.requireNonNullElse(categories, List.of()),
                    tags == null
                            ? List.of()
                            : Arrays.stream(tags.split(","))
                                    .map(String::strip)
                                    .filter(tag -> !tag.isEmpty())
                                    .toList(),
                    version);
        }

        static ArticleForm of(Article article) {
            return new ArticleForm(
                    article.slug(),
                    article.title(),
                    article.body(),
                    article.audience().code(),
                    article.categories().stream()
                            .map(c -> c.rsitClass() + "/" + c.rsitType())
                            .toList(),
                    String.join(", ", article.tags()),
                    article.version());
        }

        public List<String> categoryCodes() {
            return categories == null ? List.of() : categories;
        }
    }

    @GetMapping("/knowledge")
    String search(@RequestParam(required = false) @Nullable String q, Model model) {
        if (!knowledge.readsInternalArticles()) {
            return "redirect:/help"
                    + (q == null ? "" : "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        }
        Outcome<List<ArticleHit>> hits = knowledge.search(q, null, null, ArticleReading.MAX_HITS);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("hits", hits instanceof Outcome.Done<List<ArticleHit>> done ? done.value() : List.of());
        model.addAttribute(
                "searchProblem",
                hits instanceof Outcome.Refused<List<ArticleHit>> refused
                        ? refused.refusal().fields().get(0).message()
                        : null);
        model.addAttribute("writes", knowledge.writesArticles());
        return "knowledge/list";
    }

    @GetMapping("/help")
    String help(@RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("hits", knowledge.selfHelp(q));
        return "knowledge/help";
    }

    @GetMapping({"/knowledge/{slug}", "/help/{slug}"})
    String article(@PathVariable String slug, Model model) {
        Article article = knowledge.article(slug).orElseThrow(() -> notFound());
        model.addAttribute("article", article);
        model.addAttribute("html", knowledge.html(article.body()));
        model.addAttribute(
                "categoryLabels",
                article.categories().stream().map(incidents::categoryLabel).toList());
        model.addAttribute("writes", knowledge.writesArticles());
        model.addAttribute("internal", knowledge.readsInternalArticles());
        return "knowledge/article";
    }

    @GetMapping("/knowledge/{slug}/history")
    String history(@PathVariable String slug, Model model) {
        Article article = knowledge.article(slug).orElseThrow(() -> notFound());
        model.addAttribute("article", article);
        model.addAttribute("revisions", knowledge.revisions(slug).orElseThrow(() -> notFound()));
        return "knowledge/history";
    }

    @GetMapping("/knowledge/{slug}/revisions/{revision}")
    String revision(@PathVariable String slug, @PathVariable int revision, Model model) {
        Article article = knowledge.article(slug).orElseThrow(() -> notFound());
        ArticleRevision old = knowledge.revision(slug, revision).orElseThrow(() -> notFound());
        model.addAttribute("article", article);
        model.addAttribute("old", old);
        model.addAttribute("html", knowledge.html(old.body()));
        return "knowledge/revision";
    }

    @GetMapping("/knowledge/new")
    String newArticle(Model model) {
        requireWriter();
        return editor(null, new ArticleForm(null, "", "", Audience.HANDLERS.code(), List.of(), "", 0), model);
    }

    @GetMapping("/knowledge/{slug}/edit")
    String edit(@PathVariable String slug, Model model) {
        requireWriter();
        Article article = knowledge.article(slug).orElseThrow(() -> notFound());
        return editor(slug, ArticleForm.of(article), model);
    }

    @PostMapping("/knowledge")
    String write(
            @ModelAttribute("articleForm") ArticleForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return saved(null, knowledge.write(form.draft()), form, errors, model, redirect);
    }

    @PostMapping("/knowledge/{slug}")
    String revise(
            @PathVariable String slug,
            @ModelAttribute("articleForm") ArticleForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return saved(slug, knowledge.revise(slug, form.draft()), form, errors, model, redirect);
    }

    private String saved(
            @Nullable String slug,
            Outcome<Article> outcome,
            ArticleForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (outcome instanceof Outcome.Done<Article> done) {
            redirect.addFlashAttribute(
                    "notice",
                    done.value().title() + " · revision " + done.value().revision());
            return "redirect:/knowledge/" + done.value().slug();
        }
        Refusal refusal = ((Outcome.Refused<Article>) outcome).refusal();
        if (refusal.kind() == Refusal.Kind.FORBIDDEN) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal.message());
        }
        if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
            throw notFound();
        }
        RefusalErrors.reject(refusal, errors);
        model.addAttribute("stale", refusal.kind() == Refusal.Kind.STALE);
        return editor(slug, form, model);
    }

    private String editor(@Nullable String slug, ArticleForm form, Model model) {
        model.addAttribute("slug", slug);
        if (!model.containsAttribute("articleForm")) {
            model.addAttribute("articleForm", form);
        }
        model.addAttribute("categories", incidents.categories());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("pageAddress", slug == null ? "/knowledge/new" : "/knowledge/" + slug + "/edit");
        return "knowledge/edit";
    }

    private void requireWriter() {
        if (!knowledge.writesArticles()) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "only handlers, coordinators and admins write " + "articles");
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
