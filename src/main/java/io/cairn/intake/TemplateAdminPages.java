package io.cairn.intake;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.TeamId;
import io.cairn.incidents.Category;
import io.cairn.incidents.IncidentManagement;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import io.cairn.shared.Tlp;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' editor of report templates: the list in the order reporters see it (move up and down, retire and
 * restore), and one page per template with its texts in English and Dutch, its incident defaults, its questions
 * (with options) and its tips. Every save is a new revision; reports already made keep their questions as asked.
 */
@Controller
class TemplateAdminPages {

    /** Empty question slots the editor offers for new questions. */
    static final int NEW_QUESTION_SLOTS = 3;

    private final IntakeManagement intake;
    private final IncidentManagement incidents;
    private final IdentityManagement identity;
    private final Validator validator;

    TemplateAdminPages(
            IntakeManagement intake, IncidentManagement incidents, IdentityManagement identity, Validator validator) {
        this.intake = intake;
        this.incidents = incidents;
        this.identity = identity;
        this.validator = validator;
    }

    @GetMapping("/admin/templates")
    String list(Model model) {
        model.addAttribute("templates", admin(intake.allTemplates()));
        return "portal/admin-templates";
    }

    @PostMapping("/admin/templates/{key}/move")
    String move(@PathVariable String key, @RequestParam String direction, RedirectAttributes redirect) {
        List<String> keys = new ArrayList<>(
                admin(intake.allTemplates()).stream().map(ReportTemplate::key).toList());
        int at = keys.indexOf(key);
        int to = "up".equals(direction) ? at - 1 : at + 1;
        if (at >= 0 && to >= 0 && to < keys.size()) {
            keys.set(at, keys.get(to));
            keys.set(to, key);
            admin(intake.reorderTemplates(keys));
        }
        return "redirect:/admin/templates";
    }

    @PostMapping("/admin/templates/{key}/retirement")
    String retire(
            @PathVariable String key,
            @RequestParam boolean retired,
            @RequestParam long version,
            RedirectAttributes redirect) {
        Outcome<ReportTemplate> outcome = intake.retireTemplate(key, retired, version);
        if (outcome instanceof Outcome.Refused<ReportTemplate> refused) {
            redirect.addFlashAttribute("problem", refused.refusal().message());
        }
        return "redirect:/admin/templates";
    }

    @GetMapping("/admin/templates/new")
    String newTemplate(Model model) {
        admin(intake.allTemplates());
        return editor(null, emptyContent(), 0, List.of(), model);
    }

    @GetMapping("/admin/templates/{key}/edit")
    String edit(@PathVariable String key, Model model) {
        admin(intake.allTemplates());
        ReportTemplate template = admin(intake.template(key));
        return editor(key, template.content(), template.version(), List.of(), model);
    }

    @PostMapping("/admin/templates")
    String add(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        String key = value(form, "key");
        return save(null, form, 0, model, redirect, content -> intake.addTemplate(key, content));
    }

    @PostMapping("/admin/templates/{key}")
    String revise(
            @PathVariable String key,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam long version,
            Model model,
            RedirectAttributes redirect) {
        return save(key, form, version, model, redirect, content -> intake.reviseTemplate(key, content, version));
    }

    private String save(
            @Nullable String key,
            MultiValueMap<String, String> form,
            long version,
            Model model,
            RedirectAttributes redirect,
            java.util.function.Function<TemplateContent, Outcome<ReportTemplate>> store) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        TemplateContent content = read(form, problems);
        validator.validate(content).stream().map(TemplateAdminPages::problem).forEach(problems::add);
        if (problems.isEmpty()) {
            Outcome<ReportTemplate> stored = store.apply(content);
            if (stored instanceof Outcome.Done<ReportTemplate> done) {
                redirect.addFlashAttribute(
                        "notice",
                        done.value().content().title().en() + " · revision "
                                + done.value().revision());
                return "redirect:/admin/templates";
            }
            Refusal refusal = ((Outcome.Refused<ReportTemplate>) stored).refusal();
            if (refusal.kind() == Refusal.Kind.FORBIDDEN) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal.message());
            }
            problems.addAll(refusal.fields().isEmpty() ? List.of(refusal.asProblemOf("template")) : refusal.fields());
        }
        model.addAttribute("newKey", value(form, "key"));
        return editor(key, content, version, problems, model);
    }

    private String editor(
            @Nullable String key,
            TemplateContent content,
            long version,
            List<Refusal.FieldProblem> problems,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + "; " + b));
        model.addAttribute("key", key);
        model.addAttribute("draft", content);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("slots", content.questions().size() + NEW_QUESTION_SLOTS);
        model.addAttribute(
                "optionLines",
                content.questions().stream()
                        .map(question -> String.join(
                                "\n",
                                question.options().stream()
                                        .map(option -> option.value() + " | "
                                                + option.label().en() + " | "
                                                + option.label().nl())
                                        .toList()))
                        .toList());
        model.addAttribute(
                "tipsEn",
                String.join("\n", content.tips().stream().map(Texts::en).toList()));
        model.addAttribute(
                "tipsNl",
                String.join("\n", content.tips().stream().map(Texts::nl).toList()));
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("categories", incidents.categories());
        model.addAttribute("matrix", incidents.priorityMatrix());
        model.addAttribute("teams", identity.teams());
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("pageAddress", key == null ? "/admin/templates/new" : "/admin/templates/" + key + "/edit");
        return "portal/admin-template";
    }

    /** The content the form describes; what cannot be read is added to the problems, named by field. */
    private static TemplateContent read(MultiValueMap<String, String> form, List<Refusal.FieldProblem> problems) {
        Texts title = new Texts(value(form, "title.en"), value(form, "title.nl"));
        Texts summary = new Texts(value(form, "summary.en"), value(form, "summary.nl"));
        return new TemplateContent(title, summary, defaults(form), questions(form, problems), tips(form, problems));
    }

    /** The defaults of an incident reported through the template, as the form gives them. */
    private static TemplateContent.Defaults defaults(MultiValueMap<String, String> form) {
        String category = value(form, "category");
        String team = value(form, "team");
        String tlp = value(form, "tlp");
        return new TemplateContent.Defaults(
                category.contains("/")
                        ? new Category(
                                category.substring(0, category.indexOf('/')),
                                category.substring(category.indexOf('/') + 1))
                        : null,
                blankToNull(value(form, "impact")),
                blankToNull(value(form, "urgency")),
                team.isEmpty() ? null : TeamId.valueOf(team),
                tlp.isEmpty() ? null : Tlp.fromLabel(tlp),
                "true".equals(value(form, "confidential")));
    }

    /** The questions of the form's slots ({@code q0.}, {@code q1.}, ...), leaving out removed and empty ones. */
    private static List<TemplateContent.Question> questions(
            MultiValueMap<String, String> form, List<Refusal.FieldProblem> problems) {
        List<TemplateContent.Question> questions = new ArrayList<>();
        for (int slot = 0; form.containsKey("q" + slot + ".key"); slot++) {
            String prefix = "q" + slot + ".";
            String questionKey = value(form, prefix + "key");
            if ("true".equals(value(form, prefix + "remove"))
                    || questionKey.isEmpty() && value(form, prefix + "label.en").isEmpty()) {
                continue;
            }
            String at = "questions[" + questions.size() + "]";
            QuestionKind kind = QuestionKind.fromCode(
                    value(form, prefix + "kind").isEmpty() ? "text" : value(form, prefix + "kind"));
            Texts help = value(form, prefix + "help.en").isEmpty()
                            && value(form, prefix + "help.nl").isEmpty()
                    ? null
                    : new Texts(value(form, prefix + "help.en"), value(form, prefix + "help.nl"));
            questions.add(new TemplateContent.Question(
                    questionKey,
                    kind,
                    "true".equals(value(form, prefix + "required")),
                    new Texts(value(form, prefix + "label.en"), value(form, prefix + "label.nl")),
                    help,
                    options(value(form, prefix + "options"), at, problems)));
        }
        return questions;
    }

    /** The tips, one a line in each language; both languages must have as many. */
    private static List<Texts> tips(MultiValueMap<String, String> form, List<Refusal.FieldProblem> problems) {
        List<String> tipsEn = lines(value(form, "tips.en"));
        List<String> tipsNl = lines(value(form, "tips.nl"));
        if (tipsEn.size() != tipsNl.size()) {
            problems.add(Refusal.FieldProblem.of(
                    "tips", IntakeRefusals.TIPS_UNEVEN, String.valueOf(tipsEn.size()), String.valueOf(tipsNl.size())));
        }
        List<Texts> tips = new ArrayList<>();
        for (int i = 0; i < Math.min(tipsEn.size(), tipsNl.size()); i++) {
            tips.add(new Texts(tipsEn.get(i), tipsNl.get(i)));
        }
        return tips;
    }

    /** Options, one a line: {@code value | English | Dutch}. */
    private static List<TemplateContent.Choice> options(String text, String at, List<Refusal.FieldProblem> problems) {
        List<TemplateContent.Choice> options = new ArrayList<>();
        for (String line : lines(text)) {
            String[] parts = line.split("\\|");
            if (parts.length != 3) {
                problems.add(Refusal.FieldProblem.of(at + ".options", IntakeRefusals.NOT_AN_OPTION_LINE, line));
                continue;
            }
            options.add(new TemplateContent.Choice(parts[0].trim(), new Texts(parts[1].trim(), parts[2].trim())));
        }
        return options;
    }

    /** A rule the content breaks, named by its path in the content, such as {@code questions[0].label.nl}. */
    private static Refusal.FieldProblem problem(ConstraintViolation<TemplateContent> violation) {
        return Refusal.FieldProblem.of(
                violation
                        .getPropertyPath()
                        .toString()
                        .replaceAll("\\.<[^>]+>", "")
                        .replaceAll("<[^>]+>", ""),
                SharedRefusals.GIVEN_TEXT,
                violation.getMessage());
    }

    private static TemplateContent emptyContent() {
        return new TemplateContent(
                new Texts("", ""),
                new Texts("", ""),
                new TemplateContent.Defaults(null, null, null, null, null, false),
                List.of(),
                List.of());
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        return Optional.ofNullable(form.getFirst(name)).orElse("").trim();
    }

    private static @Nullable String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /** The value of an admin-only call; anyone else gets the 403 page. */
    private static <T> T admin(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Refused<T> refused) {
            throw new ResponseStatusException(
                    refused.refusal().kind() == Refusal.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN,
                    refused.refusal().message());
        }
        return ((Outcome.Done<T>) outcome).value();
    }
}
