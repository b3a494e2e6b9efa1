package io.cairn.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The regimes API: staff read the regimes in force; admins see how the files were loaded and load them again. */
@RestController
@RequestMapping("/api/v1/compliance")
@Tag(
        name = "Regimes",
        description = "Regulators' reporting duties as data (GDPR, NIS2, DORA, SEC 8-K, HIPAA): triggers, stages, "
                + "clocks and mandatory fields. Shipped with Cairn; an admin overrides or adds regimes with files in "
                + "`cairn.compliance.regimes-dir`.")
class RegimeApi {

    private final ComplianceManagement compliance;

    RegimeApi(ComplianceManagement compliance) {
        this.compliance = compliance;
    }

    @Operation(
            operationId = "listRegimes",
            summary = "List the regimes in force (handler, coordinator, privacy officer, auditor, admin)")
    @GetMapping("/regimes")
    List<RegimeView> all() {
        return compliance.regimes().orRefuse();
    }

    @Operation(
            operationId = "getRegime",
            summary = "Read a regime in force (handler, coordinator, privacy officer, auditor, admin)")
    @GetMapping("/regimes/{id}")
    RegimeView one(@PathVariable String id) {
        return compliance.regime(id).orRefuse();
    }

    @Operation(
            operationId = "getRegimeLoad",
            summary = "How the regime files were last loaded (admin)",
            description = "The regimes in force with their source, and the files the load refused with the file, "
                    + "line and column and what is wrong; a refused file keeps what it gave before.")
    @GetMapping("/regime-files")
    RegimeView.Load load() {
        return compliance.regimeLoad().orRefuse();
    }

    @Operation(
            operationId = "reloadRegimes",
            summary = "Load the regime files again (admin)",
            description = "Reads the shipped regimes and the files of `cairn.compliance.regimes-dir`; a refused file "
                    + "changes nothing.")
    @PostMapping("/regime-files/reload")
    RegimeView.Load reload() {
        return compliance.reloadRegimes().orRefuse();
    }
}
