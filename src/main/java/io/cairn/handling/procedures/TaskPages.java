package io.cairn.handling.procedures;

import io.cairn.handling.OtherTeamWork;
import io.cairn.handling.TeamWorkItem;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of a team's tasks: the list of the signed-in user's teams' tasks, open ones first by due time, and one
 * page per task with only the task and the incident fields shared with the team, where it is marked done.
 */
@Controller
class TaskPages {

    private final ProcedureManagement procedures;
    private final List<OtherTeamWork> otherWork;

    TaskPages(ProcedureManagement procedures, List<OtherTeamWork> otherWork) {
        this.procedures = procedures;
        this.otherWork = otherWork;
    }

    @GetMapping("/tasks")
    String list(Model model) {
        Outcome<List<SharedTask>> tasks = procedures.myTasks();
        if (tasks instanceof Outcome.Refused<List<SharedTask>> refused) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, refused.refusal().message());
        }
        model.addAttribute("tasks", ((Outcome.Done<List<SharedTask>>) tasks).value());
        model.addAttribute(
                "otherWork",
                otherWork.stream()
                        .flatMap(source -> source.openWork().stream())
                        .sorted(Comparator.comparing(
                                TeamWorkItem::dueAt, Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList());
        model.addAttribute("now", Instant.now());
        return "handling/tasks";
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable TaskId id, Model model) {
        return show(id, model, null);
    }

    @PostMapping("/tasks/{id}/complete")
    String complete(
            @PathVariable TaskId id,
            @RequestParam long version,
            @RequestParam(required = false) @Nullable String note,
            Model model,
            RedirectAttributes redirect) {
        Outcome<TaskView> done = procedures.sharedTask(id).flatMap(task -> procedures.complete(id, note, version));
        if (done instanceof Outcome.Refused<TaskView> refused) {
            if (refused.refusal().kind() == Refusal.Kind.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return show(id, model, refused.refusal().message());
        }
        redirect.addFlashAttribute(
                "notice",
                ShippedTexts.shown(((Outcome.Done<TaskView>) done).value()).title());
        return "redirect:/tasks";
    }

    private String show(TaskId id, Model model, @Nullable String problem) {
        Outcome<SharedTask> task = procedures.sharedTask(id);
        if (task instanceof Outcome.Refused<SharedTask>) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("task", ((Outcome.Done<SharedTask>) task).value());
        model.addAttribute("taskProblem", problem);
        model.addAttribute("now", Instant.now());
        model.addAttribute("pageAddress", "/tasks/" + id);
        return "handling/task";
    }
}
