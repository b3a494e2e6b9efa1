package io.cairn.incidents;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
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
class IncidentApi {

    private final IncidentManagement incidents;

    IncidentApi(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @PostMapping("/incidents")
    ResponseEntity<IncidentView> report(@Valid @RequestBody NewIncident report) {
        IncidentView created = incidents.report(report).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + created.id()))
                .eTag(String.valueOf(created.version())).body(created);
    }

    /**
     * Lists incidents. Filters combine with "and"; {@code status} and {@code priority} take several values. Page
     * with {@code page} (from 0) or, faster deep into the list, with the {@code nextCursor} of the previous page.
     */
    @GetMapping("/incidents")
    IncidentPage list(@RequestParam(required = false) @Nullable List<Status> status,
            @RequestParam(required = false) @Nullable List<String> priority,
            @RequestParam(required = false) @Nullable String categoryClass,
            @RequestParam(required = false) @Nullable String categoryType,
            @RequestParam(required = false) @Nullable TeamId team,
            @RequestParam(required = false) @Nullable BusinessUnitId businessUnit,
            @RequestParam(required = false) @Nullable UserId owner,
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
            throw new RefusedException(Refusal.invalid("direction", "must be asc or desc"));
        }
        return incidents.list(new IncidentFilter(orEmpty(status), orEmpty(priority), categoryClass, categoryType,
                team, businessUnit, owner, q, reportedFrom, reportedTo, occurredFrom, occurredTo, order,
                direction.equals("asc"), page, size, cursor)).orRefuse();
    }

    @GetMapping("/incidents/{id}")
    ResponseEntity<IncidentView> incident(@PathVariable IncidentId id) {
        IncidentView incident = found(incidents.incident(id), id);
        return ResponseEntity.ok().eTag(String.valueOf(incident.version())).body(incident);
    }

    @GetMapping("/incidents/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable IncidentId id) {
        return found(incidents.timeline(id), id);
    }

    @GetMapping("/incidents/{id}/links")
    List<IncidentLink> links(@PathVariable IncidentId id) {
        return found(incidents.links(id), id);
    }

    @PostMapping("/incidents/{id}/assign")
    IncidentView assign(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.Assign command) {
        return incidents.assign(id, command).orRefuse();
    }

    @PostMapping("/incidents/{id}/reprioritise")
    IncidentView reprioritise(@PathVariable IncidentId id,
            @Valid @RequestBody IncidentCommands.Reprioritise command) {
        return incidents.reprioritise(id, command).orRefuse();
    }

    @PostMapping("/incidents/{id}/recategorise")
    IncidentView recategorise(@PathVariable IncidentId id,
            @Valid @RequestBody IncidentCommands.Recategorise command) {
        return incidents.recategorise(id, command).orRefuse();
    }

    @PostMapping("/incidents/{id}/transition")
    IncidentView transition(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.Transition command) {
        return incidents.transition(id, command).orRefuse();
    }

    @PostMapping("/incidents/{id}/mark")
    IncidentView mark(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.Mark command) {
        return incidents.mark(id, command).orRefuse();
    }

    @PostMapping("/incidents/{id}/describe")
    IncidentView describe(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.Describe command) {
        return incidents.describe(id, command).orRefuse();
    }

    @PostMapping("/incidents/{id}/times")
    IncidentView recordTimes(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.RecordTimes command) {
        return incidents.recordTimes(id, command).orRefuse();
    }

    @PostMapping("/incidents/{id}/notes")
    ResponseEntity<TimelineEntry> addNote(@PathVariable IncidentId id,
            @Valid @RequestBody IncidentCommands.AddNote command) {
        return ResponseEntity.status(201).body(incidents.addNote(id, command).orRefuse());
    }

    @PostMapping("/incidents/{id}/links")
    List<IncidentLink> link(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.Link command) {
        return incidents.link(id, command).orRefuse();
    }

    @PostMapping("/incidents/{id}/merge")
    IncidentView merge(@PathVariable IncidentId id, @Valid @RequestBody IncidentCommands.Merge command) {
        return incidents.merge(id, command).orRefuse();
    }

    /** A handler asks the reporter a question, which the reporter reads in their follow-up. */
    @PostMapping("/incidents/{id}/questions")
    ResponseEntity<TimelineEntry> askReporter(@PathVariable IncidentId id,
            @Valid @RequestBody IncidentCommands.AddNote question) {
        return ResponseEntity.status(201).body(incidents.askReporter(id, question).orRefuse());
    }

    /** What the signed-in reporter sees of an incident they reported. */
    @GetMapping("/me/reports/{id}")
    ReporterView myReport(@PathVariable IncidentId id) {
        return incidents.reporterView(id).orElseThrow(() -> new RefusedException(
                Refusal.notFound("a report of yours with id " + id)));
    }

    /** The signed-in reporter answers a question or adds to their report. */
    @PostMapping("/me/reports/{id}/replies")
    ResponseEntity<TimelineEntry> reply(@PathVariable IncidentId id,
            @Valid @RequestBody IncidentCommands.AddNote reply) {
        return ResponseEntity.status(201).body(incidents.replyAsReporter(id, reply).orRefuse());
    }

    /** Accepts, dismisses or merges a new report. */
    @PostMapping("/incidents/{id}/triage")
    IncidentView triage(@PathVariable IncidentId id, @Valid @RequestBody TriageDecision decision) {
        return incidents.triage(id, decision).orRefuse();
    }

    /** Assigns or moves several incidents at once; answers per incident whether it was done. */
    @PostMapping("/incidents/bulk")
    List<BulkAction.Result> bulk(@Valid @RequestBody BulkAction action) {
        return incidents.bulk(action).orRefuse();
    }

    @GetMapping("/me/views")
    List<SavedView> savedViews() {
        return incidents.savedViews();
    }

    record NewView(@jakarta.validation.constraints.NotBlank String name,
            @jakarta.validation.constraints.NotNull String query) {}

    @PostMapping("/me/views")
    ResponseEntity<SavedView> saveView(@Valid @RequestBody NewView view) {
        return ResponseEntity.status(201).body(incidents.saveView(view.name(), view.query()).orRefuse());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/me/views/{id}")
    ResponseEntity<Void> removeView(@PathVariable java.util.UUID id) {
        incidents.removeView(id).orRefuse();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/priority-matrix")
    PriorityMatrix priorityMatrix() {
        return incidents.priorityMatrix();
    }

    @PutMapping("/priority-matrix")
    PriorityMatrix replacePriorityMatrix(@Valid @RequestBody PriorityMatrixDefinition definition) {
        return incidents.replacePriorityMatrix(definition).orRefuse();
    }

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
            throw new RefusedException(Refusal.invalid("sort", "must be one of reported, updated, priority, number"));
        }
    }

    /** The values of a repeatable parameter; an empty one ({@code ?status=}) is converted to null and left out. */
    private static <T> List<T> orEmpty(@Nullable List<@Nullable T> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }

}
