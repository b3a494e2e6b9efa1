package io.cairn.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The maturity view through the API, and the records of the practices that data cannot show. */
@RestController
@RequestMapping("/api/v1/maturity")
@Tag(
        name = "Maturity",
        description = "The IT-CMF incident-management maturity levels 1 to 5 and their domains: each practice with "
                + "the indicator that shows it, computed live over the last twelve months "
                + "(cairn.reporting.maturity-window), or the record an admin keeps with its evidence; the level the "
                + "organisation demonstrably meets and what is missing for the next. Coordinators, admins and "
                + "auditors read it; admins record practices.")
class MaturityApi {

    private final Maturity maturity;

    MaturityApi(Maturity maturity) {
        this.maturity = maturity;
    }

    @Operation(
            operationId = "getMaturity",
            summary = "The maturity view, computed now",
            description = "With at=yyyy-mm-dd, as it stood at the end of that past day: the indicators over the "
                    + "window that ended then, judged with the records kept now.")
    @GetMapping
    MaturityView view(@RequestParam(required = false) @Nullable String at) {
        return maturity.view(at).orRefuse();
    }

    @Operation(
            operationId = "recordMaturityPractice",
            summary = "Record a practice that data cannot show, with its evidence",
            description = "Admins. evidence is required (where the policy or the attendance list is), note is "
                    + "optional, validUntil (yyyy-mm-dd, not in the past) ends it; version is the stored record's, "
                    + "absent for the first record. A practice shown by an indicator is refused.")
    @PutMapping("/practices/{practice}")
    MaturityRecord record(@PathVariable String practice, @RequestBody Maturity.PracticeEvidence evidence) {
        return maturity.record(practice, evidence).orRefuse();
    }

    @Operation(
            operationId = "withdrawMaturityPractice",
            summary = "Withdraw a practice's record",
            description = "Admins; version must be the stored record's.")
    @ApiResponse(responseCode = "204", description = "Withdrawn")
    @DeleteMapping("/practices/{practice}")
    ResponseEntity<Void> withdraw(
            @PathVariable String practice, @RequestParam(required = false) @Nullable Long version) {
        maturity.withdraw(practice, version).orRefuse();
        return ResponseEntity.noContent().build();
    }
}
