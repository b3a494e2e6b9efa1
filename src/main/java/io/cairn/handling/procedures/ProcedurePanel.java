package io.cairn.handling.procedures;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.TeamId;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentPageSection;
import io.cairn.incidents.Status;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The procedure on the incident page, for those who handle the incident: the playbook's tasks per phase with their
 * state, team and due time, buttons to complete, skip and reopen them, and a form to give another team a task with
 * the incident fields it may read. Others get an empty section.
 *
 * <p>The buttons post with htmx and get the section back; without script they post and return to the incident.
 */
@Controller
class ProcedurePanel implements IncidentPageSection {

    /** The tasks of one phase, or of none (tasks for other teams). */
    record PhaseGroup(@Nullable Status phase, List<TaskView> tasks) {

        /** The message key of the group's heading. */
        public String heading() {
            return phase == null ? "procedure.for-teams" : "status." + phase.code();
        }
    }

    /** What a handler entered in the form for a task for another team. */
    record TaskDraft(
            String title, String description, String team, List<String> shared, String dueAt, boolean mandatory) {}

    private final ProcedureManagement procedures;
    private final IdentityManagement identity;

    ProcedurePanel(ProcedureManagement procedures, IdentityManagement identity) {
        this.procedures = procedures;
        this.identity = identity;
    }

    @Override
    public String id() {
        return "procedure";
    }

    @Override
    public String path(IncidentId incident) {
        return "/incidents/" + incident + "/procedure";
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 50;
    }

    @GetMapping("/incidents/{id}/procedure")
    String panel(@PathVariable IncidentId id, Model model) {
        return render(id, model, null, Map.of(), null);
    }

    @PostMapping("/incidents/{id}/procedure/tasks/{task}/complete")
    String complete(
            @PathVariable IncidentId id,
            @PathVariable TaskId task,
            @RequestParam long version,
            @RequestParam(required = false) @Nullable String note,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return after(id, task, procedures.complete(task, note, version), model, request, redirect);
    }

    @PostMapping("/incidents/{id}/procedure/tasks/{task}/skip")
    String skip(
            @PathVariable IncidentId id,
            @PathVariable TaskId task,
            @RequestParam long version,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return after(id, task, procedures.skip(task, reason, version), model, request, redirect);
    }

    @PostMapping("/incidents/{id}/procedure/tasks/{task}/reopen")
    String reopen(
            @PathVariable IncidentId id,
            @PathVariable TaskId task,
            @RequestParam long version,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return after(id, task, procedures.reopen(task, version), model, request, redirect);
    }

    @PostMapping("/incidents/{id}/procedure/tasks")
    String add(
            @PathVariable IncidentId id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String team,
            @RequestParam(required = false) @Nullable List<String> shared,
            @RequestParam(defaultValue = "") String dueAt,
            @RequestParam(defaultValue = "false") boolean mandatory,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        TaskDraft draft =
                new TaskDraft(title, description, team, shared == null ? List.of() : shared, dueAt, mandatory);
        Map<String, String> errors = new LinkedHashMap<>();
        TeamId teamId = teamOf(team, errors);
        Instant due = dueOf(dueAt, errors);
        List<SharedField> fields = sharedFieldsOf(draft.shared(), errors);
        if (errors.isEmpty() && teamId != null) {
            Outcome<TaskView> added =
                    procedures.addTask(id, new NewTask(title, description, teamId, fields, due, mandatory));
            if (added instanceof Outcome.Done<TaskView>) {
                return isHtmx(request) ? render(id, model, null, Map.of(), null) : "redirect:/incidents/" + id;
            }
            Refusal refusal = ((Outcome.Refused<TaskView>) added).refusal();
            if (refusal.fields().isEmpty()) {
                errors.put("form", refusal.message());
            }
            refusal.fields().forEach(problem -> errors.put(problem.field(), problem.message()));
        }
        if (!isHtmx(request)) {
            redirect.addFlashAttribute(
                    "problem",
                    String.join(
                            "; ",
                            errors.entrySet().stream()
                                    .map(error -> error.getKey() + ": " + error.getValue())
                                    .toList()));
            return "redirect:/incidents/" + id;
        }
        return render(id, model, null, errors, draft);
    }

    private static @Nullable TeamId teamOf(String team, Map<String, String> errors) {
        TeamId teamId = null;
        try {
            teamId = team.isBlank() ? null : TeamId.valueOf(team);
        } catch (IllegalArgumentException e) {
            errors.put("team", "choose a team");
        }
        if (teamId == null) {
            errors.putIfAbsent("team", "choose a team");
        }
        return teamId;
    }

    private static @Nullable Instant dueOf(String dueAt, Map<String, String> errors) {
        if (dueAt.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(dueAt).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            errors.put("dueAt", "is not a date and time");
            return null;
        }
    }

    private static List<SharedField> sharedFieldsOf(List<String> codes, Map<String, String> errors) {
        List<SharedField> fields = new ArrayList<>();
        for (String code : codes) {
            try {
                fields.add(SharedField.fromCode(code));
            } catch (IllegalArgumentException e) {
                errors.put("shared", e.getMessage());
            }
        }
        return fields;
    }

    private String after(
            IncidentId id,
            TaskId task,
            Outcome<TaskView> outcome,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        String problem = outcome instanceof Outcome.Refused<TaskView> refused
                ? refused.refusal().message()
                : null;
        if (!isHtmx(request)) {
            if (problem != null) {
                redirect.addFlashAttribute("problem", problem);
            }
            return "redirect:/incidents/" + id + "#task-" + task;
        }
        return render(id, model, problem, Map.of(), null);
    }

    private String render(
            IncidentId id,
            Model model,
            @Nullable String problem,
            Map<String, String> errors,
            @Nullable TaskDraft draft) {
        Outcome<List<TaskView>> tasks = procedures.tasksOf(id);
        if (!(tasks instanceof Outcome.Done<List<TaskView>> done)) {
            return "handling/procedure :: nothing";
        }
        List<PhaseGroup> groups = new ArrayList<>();
        for (Status phase : PlaybookStep.PHASES) {
            List<TaskView> ofPhase =
                    done.value().stream().filter(t -> t.phase() == phase).toList();
            if (!ofPhase.isEmpty()) {
                groups.add(new PhaseGroup(phase, ofPhase));
            }
        }
        List<TaskView> forTeams =
                done.value().stream().filter(t -> t.phase() == null).toList();
        if (!forTeams.isEmpty()) {
            groups.add(new PhaseGroup(null, forTeams));
        }
        Optional<Playbook> playbook = procedures.playbookOf(id);
        model.addAttribute("incidentId", id);
        model.addAttribute("playbook", playbook.orElse(null));
        model.addAttribute("groups", groups);
        model.addAttribute("teamNames", identity.teamNames());
        model.addAttribute("teams", identity.teams());
        model.addAttribute("shareable", SharedField.values());
        model.addAttribute("taskProblem", problem);
        model.addAttribute("taskErrors", errors);
        model.addAttribute("draft", draft != null ? draft : new TaskDraft("", "", "", List.of("reference"), "", false));
        model.addAttribute("now", Instant.now());
        return "handling/procedure :: panel";
    }

    private static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
