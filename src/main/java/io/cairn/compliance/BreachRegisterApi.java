package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register of personal-data breaches (GDPR Art. 33(5)) for privacy officers and coordinators: every assessed
 * breach, notified or not, filtered by period and legal entity; as JSON, CSV ({@code .csv} or {@code Accept:
 * text/csv}) and PDF. It holds no technical evidence.
 */
@RestController
@RequestMapping("/api/v1/compliance")
@Tag(
        name = "Breach register",
        description = "Every assessed personal-data breach with the columns of GDPR Art. 33(5): facts, effects, "
                + "remedial action, decisions and their rationale, notifications and the reasons for not notifying.")
class BreachRegisterApi {

    private final BreachRegisterReading register;

    BreachRegisterApi(BreachRegisterReading register) {
        this.register = register;
    }

    @Operation(
            operationId = "getBreachRegister",
            summary = "Read the breach register (privacy officer, coordinator)",
            description = "`from` and `to` are days (UTC, both included) of the breach's awareness, else its first "
                    + "assessment; `legalEntity` the id of a legal entity. The latest breach first.")
    @GetMapping("/breach-register")
    List<BreachRegisterEntry> entries(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable LegalEntityId legalEntity) {
        return register.entries(from, to, legalEntity).orRefuse();
    }

    @Operation(operationId = "getBreachRegisterCsvByAccept", summary = "The breach register as CSV (Accept: text/csv)")
    @GetMapping(value = "/breach-register", produces = "text/csv")
    ResponseEntity<byte[]> csvByAccept(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable LegalEntityId legalEntity) {
        return SubmissionApi.file(register.csv(from, to, legalEntity).orRefuse());
    }

    @Operation(operationId = "getBreachRegisterCsv", summary = "The breach register as CSV (RFC 4180, a header row)")
    @GetMapping("/breach-register.csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable LegalEntityId legalEntity) {
        return SubmissionApi.file(register.csv(from, to, legalEntity).orRefuse());
    }

    @Operation(operationId = "getBreachRegisterPdf", summary = "The breach register as a PDF in the reader's language")
    @GetMapping("/breach-register.pdf")
    ResponseEntity<byte[]> pdf(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable LegalEntityId legalEntity) {
        return SubmissionApi.file(register.pdf(from, to, legalEntity).orRefuse());
    }
}
