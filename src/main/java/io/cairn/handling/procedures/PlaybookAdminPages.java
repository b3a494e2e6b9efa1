package io.cairn.handling.procedures;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.Status;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The admins' editor of playbooks: the list (retire and restore), and one page per playbook with its categories,
 * template and steps, one row per step in order, with empty rows for new steps. A step moves by giving it another
 * number: the steps are saved in the order of their numbers.
 */
@Controller
class PlaybookAdminPages {

    /** Empty step rows the editor offers for new steps. */
    static final int NEW_STEP_SLOTS = 3;

    private final ProcedureManagement procedures;
    private final IdentityManagement identity;
    private final IncidentManagement incidents;
    private final MessageSource messages;

    PlaybookAdminPages(
            ProcedureManagement procedures,
            IdentityManagement identity,
            IncidentManagement incidents,
            MessageSource messages) {
        this.procedures = procedures;
        this.identity = identity;
        this.incidents = incidents;
        this.messages = messages;
    }

    @GetMapping("/admin/playbooks")
    String list(Model model) {
        requireAdmin();
        List<Playbook> playbooks = procedures.playbooks().orRefuse();
        model.addAttribute("playbooks", playbooks);
        model.addAttribute("categoryNames", categoryNames(playbooks));
        return "handling/admin-playbooks";
    }

    /** The categories of each playbook as people read them, in the reader's language ("Fraud / Phishing"). */
    private Map<PlaybookId, String> categoryNames(List<Playbook> playbooks) {
        Map<String, String> names = new HashMap<>();
        for (IncidentManagement.CategoryChoice choice : incidents.categories()) {
            names.put(
                    choice.category().rsitClass() + "/" + choice.category().rsitType(),
                    choice.classLabel() + " / " + choice.typeLabel());
            names.putIfAbsent(choice.category().rsitClass(), choice.classLabel());
        }
        Map<PlaybookId, String> byPlaybook = new HashMap<>();
        playbooks.forEach(playbook -> byPlaybook.put(
                playbook.id(),
                playbook.definition().categories().stream()
                        .map(match -> names.getOrDefault(match.toString(), match.toString()))
                        .collect(Collectors.joining(", "))));
        return byPlaybook;
    }

    @GetMapping("/admin/playbooks/new")
    String newPlaybook(Model model) {
        requireAdmin();
        return editor(null, 0, new PlaybookDefinition("", "", "", List.of(), null, List.of()), Map.of(), model);
    }

    @GetMapping("/admin/playbooks/{id}/edit")
    String edit(@PathVariable PlaybookId id, Model model) {
        requireAdmin();
        Playbook playbook = found(procedures.playbook(id));
        return editor(id, playbook.version(), playbook.definition(), Map.of(), model);
    }

    @PostMapping("/admin/playbooks")
    String add(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        requireAdmin();
        PlaybookDefinition definition = read(form);
        return saved(procedures.addPlaybook(definition), null, 0, definition, model, redirect);
    }

    @PostMapping("/admin/playbooks/{id}")
    String revise(
            @PathVariable PlaybookId id,
            @RequestParam long version,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        requireAdmin();
        PlaybookDefinition definition = read(form);
        return saved(procedures.revisePlaybook(id, definition, version), id, version, definition, model, redirect);
    }

    @PostMapping("/admin/playbooks/{id}/retirement")
    String retire(
            @PathVariable PlaybookId id,
            @RequestParam boolean retired,
            @RequestParam long version,
            RedirectAttributes redirect) {
        requireAdmin();
        Outcome<Playbook> outcome = procedures.retirePlaybook(id, retired, version);
        if (outcome instanceof Outcome.Refused<Playbook> refused) {
            redirect.addFlashAttribute("problem", refused.refusal().message());
        }
        return "redirect:/admin/playbooks";
    }

    private String saved(
            Outcome<Playbook> outcome,
            @Nullable PlaybookId id,
            long version,
            PlaybookDefinition definition,
            Model model,
            RedirectAttributes redirect) {
        if (outcome instanceof Outcome.Done<Playbook> done) {
            redirect.addFlashAttribute("notice", done.value().definition().name());
            return "redirect:/admin/playbooks";
        }
        Refusal refusal = ((Outcome.Refused<Playbook>) outcome).refusal();
        Map<String, String> errors = RefusalErrors.byField(
                refusal,
                messages,
                LocaleContextHolder.getLocale(),
                field -> field.replaceAll("^categories\\[\\d+]$", "categories"));
        return editor(id, version, definition, errors, model);
    }

    private String editor(
            @Nullable PlaybookId id,
            long version,
            PlaybookDefinition definition,
            Map<String, String> errors,
            Model model) {
        model.addAttribute("playbookId", id);
        model.addAttribute("version", version);
        model.addAttribute("draft", definition);
        model.addAttribute(
                "categoryLines",
                String.join(
                        "\n",
                        definition.categories().stream()
                                .map(CategoryMatch::toString)
                                .toList()));
        List<PlaybookStep> rows = new ArrayList<>(definition.steps());
        for (int i = 0; i < NEW_STEP_SLOTS; i++) {
            rows.add(new PlaybookStep(Status.ANALYSIS, "", "", List.of(), false, null, "PT4H"));
        }
        model.addAttribute("rows", rows);
        model.addAttribute(
                "articleLines",
                rows.stream().map(step -> String.join("\n", step.articles())).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("phases", PlaybookStep.PHASES);
        model.addAttribute("teams", identity.teams());
        model.addAttribute("categories", incidents.categories());
        model.addAttribute("pageAddress", id == null ? "/admin/playbooks/new" : "/admin/playbooks/" + id + "/edit");
        return "handling/admin-playbook";
    }

    /** The definition the form holds; rows without a title are empty slots and are left out. */
    static PlaybookDefinition read(MultiValueMap<String, String> form) {
        List<CategoryMatch> categories = Arrays.stream(value(form, "categories").split("\\R"))
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .map(CategoryMatch::parse)
                .toList();
        return new PlaybookDefinition(
                value(form, "key"),
                value(form, "name"),
                value(form, "description"),
                categories,
                value(form, "template"),
                steps(form));
    }

    /** The steps of the form's rows that have a title, in the order of the numbers the admin gave them. */
    private static List<PlaybookStep> steps(MultiValueMap<String, String> form) {
        List<Map.Entry<Double, PlaybookStep>> ordered = new ArrayList<>();
        for (int i = 0; form.containsKey("steps[" + i + "].title"); i++) {
            String prefix = "steps[" + i + "].";
            if (value(form, prefix + "title").isBlank()) {
                continue;
            }
            ordered.add(Map.entry(place(form, prefix, i), step(form, prefix)));
        }
        // a stable sort: steps an admin gave the same number keep the order of the rows
        return ordered.stream()
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
    }

    /** The step of the row whose fields' names start with the prefix. */
    private static PlaybookStep step(MultiValueMap<String, String> form, String prefix) {
        Status phase;
        try {
            phase = Status.fromCode(value(form, prefix + "phase"));
        } catch (IllegalArgumentException e) {
            phase = Status.NEW;
        }
        return new PlaybookStep(
                phase,
                value(form, prefix + "title"),
                value(form, prefix + "description"),
                Arrays.asList(value(form, prefix + "articles").split("\\R")),
                "true".equals(value(form, prefix + "mandatory")),
                value(form, prefix + "team"),
                value(form, prefix + "due"));
    }

    /** The number the admin gave the step of row {@code row} (from 0); its place in the rows when none was given. */
    private static double place(MultiValueMap<String, String> form, String prefix, int row) {
        try {
            return Double.parseDouble(value(form, prefix + "order"));
        } catch (NumberFormatException noPlaceGiven) {
            return row + 1;
        }
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private void requireAdmin() {
        if (!identity.requireActor().has(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you need the role admin to edit playbooks");
        }
    }

    private static <T> T found(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            return done.value();
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
