package io.cairn.incidents;

import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The observables API: an incident's indicators with the other incidents that share them, and the search for the
 * incidents that have one. Whoever reads the incident in full reads its observables; those who may change the
 * incident add, revise and remove them.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Observables",
        description = "Typed indicators of incidents (addresses, domains, URLs, hashes, ...) with their own TLP "
                + "marking and an IOC flag, each value checked and normalised for its type, and the other incidents "
                + "that share one.")
class ObservableApi {

    private final IncidentManagement incidents;

    ObservableApi(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @Operation(
            operationId = "listObservableTypes",
            summary = "List the observable types",
            description = "The types' codes, with their labels in the reader's language.")
    @GetMapping("/observable-types")
    List<ObservableType> types() {
        return incidents.observableTypes();
    }

    @Operation(
            operationId = "listIncidentObservables",
            summary = "List the observables of an incident",
            description = "Staff who may read the incident. Each observable's `seenIn` lists the other incidents with "
                    + "the same type and value that the caller may see (at most 20, most recently reported first).")
    @GetMapping("/incidents/{id}/observables")
    List<IncidentObservable> list(@PathVariable IncidentId id) {
        return incidents.observables(id).orElseThrow(() -> notFound("incident " + id));
    }

    @Operation(
            operationId = "addIncidentObservable",
            summary = "Add an observable to an incident",
            description = "Handlers and coordinators. The value is checked for its type and stored in its normal form "
                    + "(for example a domain in lower-case ASCII, a hash in lower case). `tlp` defaults to the "
                    + "incident's, `ioc` to true.")
    @ApiResponse(responseCode = "201", description = "The observable, added; `Location` names it")
    @ApiResponse(responseCode = "409", description = "The incident already has this observable.")
    @PostMapping("/incidents/{id}/observables")
    ResponseEntity<IncidentObservable> add(
            @PathVariable IncidentId id, @Valid @RequestBody ObservableCommands.Add command) {
        IncidentObservable added = incidents.addObservable(id, command).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + id + "/observables/" + added.id()))
                .eTag(String.valueOf(added.version()))
                .body(added);
    }

    @Operation(
            operationId = "reviseIncidentObservable",
            summary = "Change an observable's marking, IOC flag or note",
            description = "Handlers and coordinators, with the version they saw. Absent fields stay as they are; an "
                    + "empty note removes the note.")
    @ApiResponse(responseCode = "200", description = "The observable, changed")
    @ApiResponse(responseCode = "409", description = "The observable changed meanwhile: reload and try again.")
    @PatchMapping("/incidents/{id}/observables/{observableId}")
    IncidentObservable revise(
            @PathVariable IncidentId id,
            @PathVariable ObservableId observableId,
            @Valid @RequestBody ObservableCommands.Revise command) {
        return incidents.reviseObservable(id, observableId, command).orRefuse();
    }

    @Operation(
            operationId = "removeIncidentObservable",
            summary = "Remove an observable from an incident",
            description = "Handlers and coordinators, with the version they saw.")
    @ApiResponse(responseCode = "204", description = "The observable was removed")
    @ApiResponse(responseCode = "409", description = "The observable changed meanwhile: reload and try again.")
    @DeleteMapping("/incidents/{id}/observables/{observableId}")
    ResponseEntity<Void> remove(
            @PathVariable IncidentId id, @PathVariable ObservableId observableId, @RequestParam long version) {
        incidents.removeObservable(id, observableId, version).orRefuse();
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "searchObservables",
            summary = "Find the incidents that have an observable",
            description = "Staff. The value is normalised for its type first, so any form of it finds the same "
                    + "incidents; only incidents the caller may see are answered, at most 100, most recently "
                    + "reported first.")
    @GetMapping("/observables")
    List<SeenIn> search(@RequestParam String type, @RequestParam String value) {
        return incidents.incidentsWithObservable(type, value).orRefuse();
    }

    private static RefusedException notFound(String what) {
        return new RefusedException(Refusal.notFound(what));
    }
}
