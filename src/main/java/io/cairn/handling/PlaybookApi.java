package io.cairn.handling;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.UUID;
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
class PlaybookApi {

    /** Retiring or restoring: which, and the version the caller saw. */
    record Retirement(boolean retired, long version) {}

    private final ProcedureManagement procedures;

    PlaybookApi(ProcedureManagement procedures) {
        this.procedures = procedures;
    }

    @Operation(summary = "All playbooks, retired ones last")
    @GetMapping
    List<Playbook> all() {
        return procedures.playbooks().orRefuse();
    }

    @Operation(summary = "One playbook")
    @GetMapping("/{id}")
    Playbook one(@PathVariable UUID id) {
        return procedures.playbook(id).orRefuse();
    }

    @Operation(summary = "Add a playbook (admin); a step's team may be given by name or id and must exist")
    @PostMapping
    ResponseEntity<Playbook> add(@RequestBody PlaybookDefinition definition) {
        Playbook added = procedures.addPlaybook(definition).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/playbooks/" + added.id())).body(added);
    }

    @Operation(summary = "Revise a playbook (admin); incidents already following it keep their tasks")
    @PutMapping("/{id}")
    Playbook revise(@PathVariable UUID id, @RequestParam long version, @RequestBody PlaybookDefinition definition) {
        return procedures.revisePlaybook(id, definition, version).orRefuse();
    }

    @Operation(summary = "Retire a playbook so that it starts on no more incidents, or restore it (admin)")
    @PostMapping("/{id}/retirement")
    Playbook retire(@PathVariable UUID id, @RequestBody Retirement retirement) {
        return procedures.retirePlaybook(id, retirement.retired(), retirement.version()).orRefuse();
    }
}
