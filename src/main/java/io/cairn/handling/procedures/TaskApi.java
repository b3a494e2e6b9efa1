package io.cairn.handling.procedures;

import io.cairn.incidents.IncidentId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The task API: a team's own tasks with only the incident fields shared with it, and for handlers the tasks of an
 * incident (its playbook's steps and the tasks they gave other teams).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Tasks",
        description = "Work for teams: the steps of an incident's playbook, and tasks for other teams (IT, HR, "
                + "facilities), who see only the incident fields shared with them.")
class TaskApi {

    /** Completing a task: an optional note, and the version the caller saw. */
    record Completion(@Size(max = 5000) @Nullable String note, long version) {}

    /** Skipping an optional task: the reason, and the version the caller saw. */
    record Skip(@Size(max = 5000) String reason, long version) {}

    /** Reopening a task: the version the caller saw. */
    record Reopening(long version) {}

    private final ProcedureManagement procedures;

    TaskApi(ProcedureManagement procedures) {
        this.procedures = procedures;
    }

    @Operation(
            operationId = "listMyTasks",
            summary = "List the tasks of your teams",
            description = "Open ones first by due time, with only the incident fields shared with the team.")
    @GetMapping("/tasks")
    List<SharedTask> mine() {
        return procedures.myTasks().orRefuse();
    }

    @Operation(
            operationId = "getMyTask",
            summary = "Read a task of your teams",
            description = "With only the incident fields shared with the team.")
    @GetMapping("/tasks/{id}")
    SharedTask task(@PathVariable TaskId id) {
        return procedures.sharedTask(id).orRefuse();
    }

    @Operation(
            operationId = "completeTask",
            summary = "Complete a task",
            description = "With an optional note; its team, or the incident's handlers.")
    @ApiResponse(responseCode = "200", description = "The task, completed")
    @ApiResponse(responseCode = "409", description = "The task is not open.")
    @PostMapping("/tasks/{id}/complete")
    TaskView complete(@PathVariable TaskId id, @Valid @RequestBody Completion completion) {
        return procedures.complete(id, completion.note(), completion.version()).orRefuse();
    }

    @Operation(
            operationId = "skipTask",
            summary = "Skip an optional task",
            description = "With a reason; the incident's handlers.")
    @ApiResponse(responseCode = "200", description = "The task, skipped")
    @ApiResponse(responseCode = "409", description = "The task is mandatory, or not open.")
    @PostMapping("/tasks/{id}/skip")
    TaskView skip(@PathVariable TaskId id, @Valid @RequestBody Skip skip) {
        return procedures.skip(id, skip.reason(), skip.version()).orRefuse();
    }

    @Operation(
            operationId = "reopenTask",
            summary = "Reopen a done or skipped task",
            description = "The incident's handlers.")
    @ApiResponse(responseCode = "200", description = "The task, open again")
    @ApiResponse(responseCode = "409", description = "The task is open already.")
    @PostMapping("/tasks/{id}/reopen")
    TaskView reopen(@PathVariable TaskId id, @RequestBody Reopening reopening) {
        return procedures.reopen(id, reopening.version()).orRefuse();
    }

    @Operation(
            operationId = "listIncidentTasks",
            summary = "List the tasks of an incident",
            description = "Its playbook's steps and the tasks for other teams; handlers.")
    @GetMapping("/incidents/{id}/tasks")
    List<TaskView> ofIncident(@PathVariable IncidentId id) {
        return procedures.tasksOf(id).orRefuse();
    }

    @Operation(
            operationId = "addIncidentTask",
            summary = "Give a team a task for an incident",
            description = "Sharing only the chosen incident fields with the team; handlers.")
    @ApiResponse(responseCode = "201", description = "The task, given")
    @PostMapping("/incidents/{id}/tasks")
    ResponseEntity<TaskView> add(@PathVariable IncidentId id, @Valid @RequestBody NewTask task) {
        TaskView created = procedures.addTask(id, task).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + created.id()))
                .body(created);
    }
}
