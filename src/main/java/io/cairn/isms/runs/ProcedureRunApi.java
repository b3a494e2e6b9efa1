package io.cairn.isms.runs;

import io.cairn.isms.procedures.ProcedureTypeId;
import io.cairn.risks.Risk;
import io.cairn.risks.RiskForms;
import io.cairn.risks.RiskRaising;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API of runs of security procedures: start one from its form, read and move it on, and the steps a person works
 * on or decides, each with only the form fields it names.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Procedure runs",
        description = "Runs of security procedures (a security review, an access request, an off-boarding): started "
                + "from a form, each with an owner, a due time and steps routed to teams and approvers; a phase is "
                + "left only when its mandatory steps are done, and an approval is decided by someone other than "
                + "the person who asked.")
class ProcedureRunApi {

    /** Moving a run on: the version the caller saw. */
    record Advance(long version) {}

    /** Cancelling a run: why, and the version the caller saw. */
    record Cancellation(@Nullable String reason, long version) {}

    /** Completing a task: an optional note, and the step's version the caller saw. */
    record Completion(@Nullable String note, long version) {}

    /** Skipping an optional step: why, and the step's version the caller saw. */
    record Skip(@Nullable String reason, long version) {}

    /** Deciding an approval: approved or not, a note (required to reject), and the step's version the caller saw. */
    record Decision(boolean approved, @Nullable String note, long version) {}

    private final ProcedureRuns runs;
    private final RiskRaising risks;

    ProcedureRunApi(ProcedureRuns runs, RiskRaising risks) {
        this.runs = runs;
        this.risks = risks;
    }

    @Operation(
            operationId = "startProcedureRun",
            summary = "Start a run of a procedure",
            description = "Anyone signed in, from the type's start form: values by field key (a person by user "
                    + "name, a date as 2026-12-31), and the owner by user name (you, if empty). A person named to "
                    + "approve may not be you.")
    @ApiResponse(responseCode = "201", description = "The run, started")
    @PostMapping("/procedure-runs")
    ResponseEntity<RunDetails> start(@RequestBody RunStart start) {
        RunDetails started = runs.start(start).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/procedure-runs/" + started.id()))
                .body(started);
    }

    @Operation(
            operationId = "listProcedureRuns",
            summary = "List runs",
            description = "state=open (by due time, the default), closed or all (newest first), optionally of one "
                    + "procedure type, in pages from 0 of at most 200. Security staff see every run, others the "
                    + "runs they asked for or own.")
    @GetMapping("/procedure-runs")
    List<RunSummary> list(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable ProcedureTypeId procedureType,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return RunFilter.of(state, procedureType, page, size).map(runs::runs).orRefuse();
    }

    @Operation(operationId = "getProcedureRun", summary = "Read a run")
    @GetMapping("/procedure-runs/{id}")
    RunDetails one(@PathVariable ProcedureRunId id) {
        return runs.run(id).orRefuse();
    }

    @Operation(
            operationId = "advanceProcedureRun",
            summary = "Move a run to its next phase",
            description = "Its owner, coordinators and admins; from the last phase the run is completed. Refused "
                    + "while a mandatory step of the phase is open, naming them.")
    @ApiResponse(responseCode = "200", description = "The run, in its next phase or completed")
    @ApiResponse(responseCode = "409", description = "Mandatory steps are open, or the run changed since.")
    @PostMapping("/procedure-runs/{id}/advance")
    RunDetails advance(@PathVariable ProcedureRunId id, @RequestBody Advance advance) {
        return runs.advance(id, advance.version()).orRefuse();
    }

    @Operation(
            operationId = "cancelProcedureRun",
            summary = "Cancel a run",
            description = "Its owner, coordinators and admins, with a reason.")
    @ApiResponse(responseCode = "200", description = "The run, cancelled")
    @PostMapping("/procedure-runs/{id}/cancellation")
    RunDetails cancel(@PathVariable ProcedureRunId id, @RequestBody Cancellation cancellation) {
        return runs.cancel(id, cancellation.reason(), cancellation.version()).orRefuse();
    }

    @Operation(
            operationId = "raiseIncidentFromProcedureRun",
            summary = "Raise an incident from a finding of a run",
            description = "Its owner, coordinators and admins: the finding is reported as an incident of yours, and "
                    + "the run and the incident show each other.")
    @ApiResponse(responseCode = "201", description = "The incident, reported and linked to the run")
    @PostMapping("/procedure-runs/{id}/incidents")
    ResponseEntity<RaisedIncident> raiseIncident(@PathVariable ProcedureRunId id, @RequestBody Finding finding) {
        RaisedIncident raised = runs.raiseIncident(id, finding).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + raised.id()))
                .body(raised);
    }

    @Operation(
            operationId = "raiseRiskFromProcedureRun",
            summary = "Register a risk from a finding of a run",
            description = "Coordinators and admins, as any risk of the register (the same fields as POST "
                    + "/api/v1/risks): the risk names the run that raised it, and the run lists it.")
    @ApiResponse(responseCode = "201", description = "The risk, registered as anticipated and linked to the run")
    @PostMapping("/procedure-runs/{id}/risks")
    ResponseEntity<Risk> raiseRisk(@PathVariable ProcedureRunId id, @RequestBody RiskForms.NewRisk form) {
        Risk risk = risks.registerFrom(RunRiskSource.KIND, id.value(), form).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/risks/" + risk.id()))
                .eTag(String.valueOf(risk.version()))
                .body(risk);
    }

    @Operation(
            operationId = "listProcedureRunRisks",
            summary = "The risks raised from findings of a run",
            description = "Those who read the run and the risk register (coordinators, admins, auditors).")
    @GetMapping("/procedure-runs/{id}/risks")
    List<Risk> risks(@PathVariable ProcedureRunId id) {
        return risks.raisedFrom(RunRiskSource.KIND, id.value()).orRefuse();
    }

    @Operation(
            operationId = "listMyProcedureSteps",
            summary = "List the steps you work on",
            description = "The open steps of open runs for your teams, the approvals you were named for, and the "
                    + "tasks of runs you own; by due time, with only the form fields each step names.")
    @GetMapping("/procedure-steps")
    List<StepWork> mine() {
        return runs.myWork();
    }

    @Operation(operationId = "getProcedureStep", summary = "Read a step you work on")
    @GetMapping("/procedure-steps/{id}")
    StepWork step(@PathVariable RunStepId id) {
        return runs.step(id).orRefuse();
    }

    @Operation(operationId = "completeProcedureStep", summary = "Complete a task", description = "Its team.")
    @ApiResponse(responseCode = "200", description = "The step, done")
    @PostMapping("/procedure-steps/{id}/complete")
    StepWork complete(@PathVariable RunStepId id, @RequestBody Completion completion) {
        return runs.complete(id, completion.note(), completion.version()).orRefuse();
    }

    @Operation(
            operationId = "skipProcedureStep",
            summary = "Skip an optional step",
            description = "The run's owner, coordinators and admins, with a reason.")
    @ApiResponse(responseCode = "200", description = "The step, skipped")
    @PostMapping("/procedure-steps/{id}/skip")
    StepWork skip(@PathVariable RunStepId id, @RequestBody Skip skip) {
        return runs.skip(id, skip.reason(), skip.version()).orRefuse();
    }

    @Operation(
            operationId = "decideProcedureStep",
            summary = "Approve or reject an approval",
            description = "The person the form named, or a member of the step's team; never the person who asked "
                    + "for the run. A rejection needs a reason and ends the run as rejected.")
    @ApiResponse(responseCode = "200", description = "The step, decided")
    @PostMapping("/procedure-steps/{id}/decision")
    StepWork decide(@PathVariable RunStepId id, @RequestBody Decision decision) {
        return runs.decide(id, decision.approved(), decision.note(), decision.version())
                .orRefuse();
    }
}
