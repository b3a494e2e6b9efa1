package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.identity.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The legal entities API: coordinators and privacy officers read them; admins create and change them. */
@RestController
@RequestMapping("/api/v1/compliance/legal-entities")
@Tag(
        name = "Legal entities",
        description = "The organisation's legal entities with their regulatory profile: jurisdictions, NIS2 status, "
                + "DORA financial entity, GDPR role, lead supervisory authority and privacy officer.")
class LegalEntityApi {

    /**
     * A legal entity's profile with the version the caller read, to replace the stored one.
     *
     * @param version the version the caller read
     */
    record LegalEntityChange(
            @Nullable String name,
            @Nullable List<String> jurisdictions,
            @Nullable String nis2,
            @Nullable Boolean doraFinancialEntity,
            @Nullable String gdprRole,
            @Nullable String supervisoryAuthorityName,
            @Nullable String supervisoryAuthorityContact,
            @Nullable UserId privacyOfficer,
            @Nullable Long annualTurnoverEur,
            @Nullable Boolean secRegistrant,
            @Nullable Boolean hipaaCoveredEntity,
            @NotNull Long version) {

        LegalEntityDefinition definition() {
            return new LegalEntityDefinition(
                    name,
                    jurisdictions,
                    nis2,
                    doraFinancialEntity,
                    gdprRole,
                    supervisoryAuthorityName,
                    supervisoryAuthorityContact,
                    privacyOfficer,
                    annualTurnoverEur,
                    secRegistrant,
                    hipaaCoveredEntity);
        }
    }

    private final ComplianceManagement compliance;

    LegalEntityApi(ComplianceManagement compliance) {
        this.compliance = compliance;
    }

    @Operation(
            operationId = "listLegalEntities",
            summary = "List the legal entities (coordinator, privacy officer, admin)")
    @GetMapping
    List<LegalEntityView> all() {
        return compliance.legalEntities().orRefuse();
    }

    @Operation(operationId = "getLegalEntity", summary = "Read a legal entity (coordinator, privacy officer, admin)")
    @GetMapping("/{id}")
    LegalEntityView one(@PathVariable LegalEntityId id) {
        return compliance.legalEntity(id).orRefuse();
    }

    @Operation(
            operationId = "createLegalEntity",
            summary = "Create a legal entity (admin)",
            description = "`jurisdictions` are ISO 3166 country codes; `nis2` is `essential`, `important` or "
                    + "`not-in-scope`; `gdprRole` is `controller`, `processor` or `both`; `privacyOfficer` is a user "
                    + "with the privacy-officer role. Every field at fault is named.")
    @ApiResponse(responseCode = "201", description = "Created; `Location` names it")
    @ApiResponse(responseCode = "409", description = "Another legal entity has this name.")
    @PostMapping
    ResponseEntity<LegalEntityView> create(@RequestBody LegalEntityDefinition definition) {
        LegalEntityView created = compliance.createLegalEntity(definition).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/compliance/legal-entities/" + created.id()))
                .body(created);
    }

    @Operation(
            operationId = "changeLegalEntity",
            summary = "Change a legal entity (admin)",
            description =
                    "Replaces the profile; needs the version the caller read (409 when someone changed it first).")
    @PutMapping("/{id}")
    LegalEntityView change(@PathVariable LegalEntityId id, @Valid @RequestBody LegalEntityChange change) {
        return compliance
                .changeLegalEntity(id, change.definition(), change.version())
                .orRefuse();
    }
}
