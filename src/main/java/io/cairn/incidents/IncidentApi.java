package io.cairn.incidents;

import io.cairn.assets.ServiceId;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import io.cairn.shared.SharedRefusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * The incident API: report, read, list, and change through named commands. There is no generic update: each
 * change is a verb with its own rules, and each that replaces state needs the version the caller saw.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Incidents",
        description = "Incidents: report, read and list them, and change them through named commands. There is no "
                + "generic update; each command that replaces state needs the version the caller saw.")
class IncidentApi {

    private final IncidentManagement incidents;

    IncidentApi(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @Operation(
            operationId = "reportIncident",
            summary = "Report an incident",
            description = "Reporters and handlers. Impact and urgency are labels of the priority matrix, from which "
                    + "the priority follows. The answer's ETag is the incident's version.")
    @ApiResponse(responseCode = "201", description = "The incident, reported; `Location` names it")
    @PostMapping("/incidents")
    ResponseEntity<IncidentView> report(@Valid @RequestBody NewIncident report) {
        IncidentView created = incidents.report(report).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + created.id()))
                .eTag(String.valueOf(created.version()))
                .body(created);
    }

    /**
     * Lists incidents. Filters combine with "and"; {@code status} and {@code priority} take several values. Page
     * with {@code page} (from 0) or, faster deep into the list, with the {@code nextCursor} of the previous page.
     */
    @Operation(
            operationId = "listIncidents",
            summary = "List incidents",
            description =
                    "Filters combine with \"and\"; `status` and `priority` take several values; `service` finds the incidents that name a service; `received=true` those a provider published to this instance (`false` those reported here); `relayed=true` the received ones this instance relayed to its customers; `q` is free "
                            + "text or a reference such as `INC-42`. Page with `page` (from 0) and `size` (at most 200) or, as fast "
                            + "deep into the list as on its first page, with the `nextCursor` of the previous page.")
    @GetMapping("/incidents")
    IncidentPage list(
            @RequestParam(required = false) @Nullable List<Status> status,
            @RequestParam(required = false) @Nullable List<String> priority,
            @RequestParam(required = false) @Nullable String categoryClass,
            @RequestParam(required = false) @Nullable String categoryType,
            @RequestParam(required = false) @Nullable TeamId team,
            @RequestParam(required = false) @Nullable BusinessUnitId businessUnit,
            @RequestParam(required = false) @Nullable UserId owner,
            @RequestParam(required = false) @Nullable ServiceId service,
            @RequestParam(required = false) @Nullable Boolean received,
            @RequestParam(required = false) @Nullable Boolean relayed,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Instant reportedFrom,
            @RequestParam(required = false) @Nullable Instant reportedTo,
            @RequestParam(required = false) @Nullable Instant occurredFrom,
            @RequestParam(required = false) @Nullable Instant occurredTo,
            @RequestParam(defaultValue = "reported") String sort,
            @RequestParam(defaultValue = "desc") String direction,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) @Nullable String cursor) {
        IncidentFilter.Sort order = sortOf(sort);
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw new RefusedException(Refusal.invalid("direction", IncidentRefusals.NOT_A_DIRECTION));
        }
        return incidents
                .list(new IncidentFilter(
                        orEmpty(status),
                        orEmpty(priority),
                        categoryClass,
                        categoryType,
                        team,
                        businessUnit,
                        owner,
                        service,
                        received,
                        relayed,
                        q,
                        reportedFrom,
                        reportedTo,
                        occurredFrom,
                        occurredTo,
                        order,
                        direction.equals("asc"),
                        page,
                        size,
                        cursor))
                .orRefuse();
    }

    @Operation(
            operationId = "getIncident",
            summary = "Read an incident",
            description = "The answer's ETag is the incident's version.")
    @GetMapping("/incidents/{id}")
    ResponseEntity<IncidentView> incident(@PathVariable IncidentId id) {
        IncidentView incident = found(incidents.incident(id), id);
        return ResponseEntity.ok().eTag(String.valueOf(incident.version())).body(incident);
    }

    @Operation(
            operationId = "getIncidentTimeline",
            summary = "Read the timeline of an incident",
            description = "Its notes and changes.")
    @GetMapping("/incidents/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable IncidentId id) {
        return found(incidents.timeline(id), id);
    }

    @Operation(operationId = "listIncidentLinks", summary = "List the links of an incident")
    @GetMapping("/incidents/{id}/links")
    List<IncidentLink> links(@PathVariable IncidentId id) {
        return found(incidents.links(id), id);
    }

    @Operation(
            operationId = "assignIncident",
            summary = "Assign an incident",
            description = "Gives it an owner, a team and a business unit; an absent value clears it.")
    @PostMapping("/incidents/{id}/assign")
    IncidentView assign(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.Assign command) {
        return incidents.assign(id, command).orRefuse();
    }

    @Operation(
            operationId = "reprioritiseIncident",
            summary = "Change the impact and urgency of an incident",
            description = "By their labels in the priority matrix; the priority follows from them.")
    @PostMapping("/incidents/{id}/reprioritise")
    IncidentView reprioritise(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.Reprioritise command) {
        return incidents.reprioritise(id, command).orRefuse();
    }

    @Operation(
            operationId = "recategoriseIncident",
            summary = "Change the category of an incident",
            description = "The RSIT class and type, and optionally the severity and determination.")
    @PostMapping("/incidents/{id}/recategorise")
    IncidentView recategorise(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.Recategorise command) {
        return incidents.recategorise(id, command).orRefuse();
    }

    @Operation(
            operationId = "transitionIncident",
            summary = "Move an incident to another status",
            description = "Along the lifecycle: new, triage, analysis, containment, eradication, recovery, review, "
                    + "closed; dismissed from triage; a closed incident can be reopened. Dismissing, closing and reopening "
                    + "need a reason.")
    @ApiResponse(responseCode = "200", description = "The incident, moved")
    @ApiResponse(
            responseCode = "409",
            description = "The lifecycle does not allow this move from the current status, the incident was merged "
                    + "into another, or mandatory steps of its playbook are still open; the detail says which.")
    @PostMapping("/incidents/{id}/transition")
    IncidentView transition(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.Transition command) {
        return incidents.transition(id, command).orRefuse();
    }

    @Operation(
            operationId = "markIncident",
            summary = "Change the markings of an incident",
            description = "TLP, PAP and the confidential flag; lowering the TLP needs a reason.")
    @PostMapping("/incidents/{id}/mark")
    IncidentView mark(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.Mark command) {
        return incidents.mark(id, command).orRefuse();
    }

    @Operation(operationId = "describeIncident", summary = "Change the title and description of an incident")
    @PostMapping("/incidents/{id}/describe")
    IncidentView describe(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.Describe command) {
        return incidents.describe(id, command).orRefuse();
    }

    @Operation(
            operationId = "addIncidentNote",
            summary = "Add a note to an incident",
            description = "Notes are appended to the timeline, never replaced, so they carry no version.")
    @ApiResponse(responseCode = "201", description = "The note, as a timeline entry")
    @PostMapping("/incidents/{id}/notes")
    ResponseEntity<TimelineEntry> addNote(
            @PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.AddNote command) {
        return ResponseEntity.status(201).body(incidents.addNote(id, command).orRefuse());
    }

    @Operation(operationId = "linkIncident", summary = "Link an incident to another")
    @ApiResponse(responseCode = "200", description = "The incident's links")
    @ApiResponse(
            responseCode = "409",
            description = "The link would give an incident a second parent, or make an incident the parent of its "
                    + "own parent.")
    @PostMapping("/incidents/{id}/links")
    List<IncidentLink> link(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.Link command) {
        return incidents.link(id, command).orRefuse();
    }

    @Operation(
            operationId = "mergeIncident",
            summary = "Merge an incident into another",
            description = "Its timeline is copied to the target, and it is closed as a duplicate.")
    @ApiResponse(responseCode = "200", description = "The incident, merged")
    @ApiResponse(
            responseCode = "409",
            description = "The incident was already merged, or the target is closed or merged itself.")
    @PostMapping("/incidents/{id}/merge")
    IncidentView merge(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.Merge command) {
        return incidents.merge(id, command).orRefuse();
    }

    /** A handler asks the reporter a question, which the reporter reads in their follow-up. */
    @Operation(
            operationId = "askReporter",
            summary = "Ask the reporter a question",
            description = "Handlers and coordinators; the reporter reads it with their report, or with their "
                    + "follow-up code.")
    @ApiResponse(responseCode = "201", description = "The question, as a timeline entry")
    @PostMapping("/incidents/{id}/questions")
    ResponseEntity<TimelineEntry> askReporter(
            @PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.AddNote question) {
        return ResponseEntity.status(201)
                .body(incidents.askReporter(id, question).orRefuse());
    }

    /** What the signed-in reporter sees of an incident they reported. */
    @Tag(
            name = "My reports",
            description = "What signed-in reporters see of the incidents they reported, and their answers to the "
                    + "handlers' questions.")
    @Operation(
            operationId = "getMyReport",
            summary = "Read a report of yours",
            description = "What you, as its reporter, see of the incident: status, outcome, questions and replies.")
    @GetMapping("/me/reports/{id}")
    ReporterView myReport(@PathVariable IncidentId id) {
        return incidents
                .reporterView(id)
                .orElseThrow(() -> new RefusedException(Refusal.notFound("a report of yours with id " + id)));
    }

    /** The signed-in reporter answers a question or adds to their report. */
    @Tag(name = "My reports")
    @Operation(operationId = "replyToMyReport", summary = "Answer a question about a report of yours, or add to it")
    @ApiResponse(responseCode = "201", description = "The reply, as a timeline entry")
    @PostMapping("/me/reports/{id}/replies")
    ResponseEntity<TimelineEntry> reply(
            @PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.AddNote reply) {
        return ResponseEntity.status(201)
                .body(incidents.replyAsReporter(id, reply).orRefuse());
    }

    /** Accepts, dismisses or merges a new report. */
    @Operation(
            operationId = "triageIncident",
            summary = "Triage a new report",
            description = "Accept it as an incident (it moves on to analysis), dismiss it with a reason the "
                    + "reporter reads, or merge it into an existing incident.")
    @ApiResponse(responseCode = "200", description = "The incident, triaged")
    @ApiResponse(
            responseCode = "409",
            description = "The incident's status does not allow the decision, or the incident to merge into is "
                    + "closed or merged itself.")
    @PostMapping("/incidents/{id}/triage")
    IncidentView triage(@PathVariable IncidentId id, @Valid @RequestBody TriageDecision decision) {
        return incidents.triage(id, decision).orRefuse();
    }

    /** Assigns or moves several incidents at once; answers per incident whether it was done. */
    @Operation(
            operationId = "changeIncidentsInBulk",
            summary = "Assign or move several incidents at once",
            description = "Each incident is changed on its own, at its current version; the answer says for each "
                    + "whether it was done and, if not, why.")
    @PostMapping("/incidents/bulk")
    List<BulkAction.Result> bulk(@Valid @RequestBody BulkAction action) {
        return incidents.bulk(action).orRefuse();
    }

    @Tag(
            name = "Classification",
            description = "How incidents are classified: the priority matrix (impact x urgency) and the RSIT "
                    + "categories.")
    @Operation(operationId = "getPriorityMatrix", summary = "Read the priority matrix")
    @GetMapping("/priority-matrix")
    PriorityMatrix priorityMatrix() {
        return incidents.priorityMatrix();
    }

    @Tag(name = "Classification")
    @Operation(operationId = "replacePriorityMatrix", summary = "Replace the priority matrix", description = "Admins.")
    @PutMapping("/priority-matrix")
    PriorityMatrix replacePriorityMatrix(@Valid @RequestBody PriorityMatrixDefinition definition) {
        return incidents.replacePriorityMatrix(definition).orRefuse();
    }

    @Tag(name = "Classification")
    @Operation(
            operationId = "listCategories",
            summary = "List the incident categories",
            description = "The RSIT classes and types to choose from.")
    @GetMapping("/categories")
    List<IncidentManagement.CategoryChoice> categories() {
        return incidents.categories();
    }

    private static <T> T found(Optional<T> value, IncidentId id) {
        return value.orElseThrow(() -> new RefusedException(Refusal.notFound("incident " + id)));
    }

    private static IncidentFilter.Sort sortOf(String sort) {
        try {
            return IncidentFilter.Sort.fromCode(sort);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(
                    Refusal.invalid("sort", SharedRefusals.MUST_BE_ONE_OF, "reported, updated, priority, number"));
        }
    }

    /** The values of a repeatable parameter; an empty one ({@code ?status=}) is converted to null and left out. */
    private static <T> List<T> orEmpty(@Nullable List<@Nullable T> values) {
        return values == null
                ? List.of()
                : values.stream().filter(java.util.Objects::nonNull).toList();
    }
}
