package io.cairn.handling.procedures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The playbook API: admins add, revise, retire and restore playbooks; handlers and coordinators read them. */
@RestController
@RequestMapping("/api/v1/playbooks")
@Tag(
        name = "Playbooks",
        description = "Step-by-step procedures per incident category: admins add, revise, retire and restore them; "
                + "handlers and coordinators read them.")
class PlaybookApi {

    /** Retiring or restoring: which, and the version the caller saw. */
    record Retirement(boolean retired, long version) {}

    private final ProcedureManagement procedures;

    PlaybookApi(ProcedureManagement procedures) {
        this.procedures = procedures;
    }

    @Operation(operationId = "listPlaybooks", summary = "List the playbooks", description = "Retired ones last.")
    @GetMapping
    List<Playbook> all() {
        return procedures.playbooks().orRefuse();
    }

    @Operation(operationId = "getPlaybook", summary = "Read a playbook")
    @GetMapping("/{id}")
    Playbook one(@PathVariable PlaybookId id) {
        return procedures.playbook(id).orRefuse();
    }

    @Operation(
            operationId = "addPlaybook",
            summary = "Add a playbook",
            description = "Admins. A step's team may be given by name or id and must exist.")
    @ApiResponse(responseCode = "201", description = "The playbook, added")
    @ApiResponse(
            responseCode = "409",
            description = "The key is already taken, or one of the categories already has a playbook.")
    @PostMapping
    ResponseEntity<Playbook> add(@RequestBody PlaybookDefinition definition) {
        Playbook added = procedures.addPlaybook(definition).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/playbooks/" + added.id()))
                .body(added);
    }

    @Operation(
            operationId = "revisePlaybook",
            summary = "Revise a playbook",
            description = "Admins. Incidents already following it keep their tasks.")
    @ApiResponse(responseCode = "200", description = "The playbook, revised")
    @ApiResponse(responseCode = "409", description = "One of the categories already has another playbook.")
    @PutMapping("/{id}")
    Playbook revise(
            @PathVariable PlaybookId id, @RequestParam long version, @RequestBody PlaybookDefinition definition) {
        return procedures.revisePlaybook(id, definition, version).orRefuse();
    }

    @Operation(
            operationId = "retirePlaybook",
            summary = "Retire or restore a playbook",
            description = "Admins. A retired playbook starts on no more incidents.")
    @PostMapping("/{id}/retirement")
    Playbook retire(@PathVariable PlaybookId id, @RequestBody Retirement retirement) {
        return procedures
                .retirePlaybook(id, retirement.retired(), retirement.version())
                .orRefuse();
    }
}
