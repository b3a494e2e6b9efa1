package io.cairn.isms.procedures;

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

/** The procedure type API: admins add, revise, retire and restore procedure types; everyone signed in reads them. */
@RestController
@RequestMapping("/api/v1/procedure-types")
@Tag(
        name = "Procedure types",
        description = "Security procedures beyond incidents (a security review, access to a secure zone, a penetration "
                + "test, a patching round, an off-boarding, and admins' own): their start form, phases and steps, each "
                + "step with its team, due time, the form fields its team may read and the ISO/IEC 27001:2022 Annex A "
                + "controls it evidences.")
class ProcedureTypeApi {

    /** Retiring or restoring: which, and the version the caller saw. */
    record Retirement(boolean retired, long version) {}

    private final SecurityProcedures procedures;

    ProcedureTypeApi(SecurityProcedures procedures) {
        this.procedures = procedures;
    }

    @Operation(
            operationId = "listProcedureTypes",
            summary = "List the procedure types",
            description = "Retired ones last.")
    @GetMapping
    List<ProcedureType> all() {
        return procedures.types();
    }

    @Operation(operationId = "getProcedureType", summary = "Read a procedure type")
    @GetMapping("/{id}")
    ProcedureType one(@PathVariable ProcedureTypeId id) {
        return procedures.type(id).orRefuse();
    }

    @Operation(
            operationId = "addProcedureType",
            summary = "Add a procedure type",
            description = "Admins. A step's team may be given by name or id and must exist; an approval's approver is "
                    + "a person field of the form; controls are Annex A numbers such as 5.18.")
    @ApiResponse(responseCode = "201", description = "The procedure type, added")
    @ApiResponse(responseCode = "409", description = "The key is already taken.")
    @PostMapping
    ResponseEntity<ProcedureType> add(@RequestBody ProcedureDefinition definition) {
        ProcedureType added = procedures.addType(definition).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/procedure-types/" + added.id()))
                .body(added);
    }

    @Operation(
            operationId = "reviseProcedureType",
            summary = "Revise a procedure type",
            description = "Admins. The key stays; runs started before keep their steps.")
    @ApiResponse(responseCode = "200", description = "The procedure type, revised")
    @ApiResponse(responseCode = "409", description = "Someone changed it since the version given.")
    @PutMapping("/{id}")
    ProcedureType revise(
            @PathVariable ProcedureTypeId id, @RequestParam long version, @RequestBody ProcedureDefinition definition) {
        return procedures.reviseType(id, definition, version).orRefuse();
    }

    @Operation(
            operationId = "retireProcedureType",
            summary = "Retire or restore a procedure type",
            description = "Admins. No new runs start from a retired type.")
    @PostMapping("/{id}/retirement")
    ProcedureType retire(@PathVariable ProcedureTypeId id, @RequestBody Retirement retirement) {
        return procedures
                .retireType(id, retirement.retired(), retirement.version())
                .orRefuse();
    }

    @Operation(
            operationId = "listAnnexAControls",
            summary = "List the controls of ISO/IEC 27001:2022 Annex A",
            description = "The numbers steps name, with their short titles in the reader's language.")
    @GetMapping("/controls")
    List<AnnexAControl> controls() {
        return procedures.controls();
    }
}
