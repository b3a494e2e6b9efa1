package io.cairn.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The audit API, for auditors: page through the trail, export it as JSON lines, verify it. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail",
        description = "The append-only, hash-chained record of every change, for auditors: page through it, export "
        + "it, verify it.")
class AuditApi {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final AuditManagement audit;

    AuditApi(AuditManagement audit) {
        this.audit = audit;
    }

    /** Records after a sequence number, oldest first; optionally only those about one object. */
    @Operation(operationId = "listAuditRecords", summary = "List audit records",
            description = "The records after a sequence number, oldest first; optionally only those about one object.")
    @GetMapping("/records")
    List<AuditRecord> records(@RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) @Nullable String object) {
        return audit.records(after, limit, object).orRefuse();
    }

    /** Reports the trail intact, or names the first broken record and every problem found. */
    @Operation(operationId = "verifyAuditTrail", summary = "Verify the audit trail",
            description = "Reports the trail intact, or names the first broken record and every problem found.")
    @GetMapping("/verify")
    Verification verify() {
        return audit.verify().orRefuse();
    }

    /** The whole trail as JSON lines, one record a line, oldest first. */
    @Operation(operationId = "exportAuditTrail", summary = "Export the audit trail",
            description = "The whole trail as JSON lines, one record a line, oldest first.")
    @ApiResponse(responseCode = "200", description = "The trail, as a file of JSON lines",
            content = @Content(mediaType = "application/jsonl", schema = @Schema(type = "string")))
    @GetMapping("/export")
    void export(HttpServletResponse response) throws IOException {
        audit.records(0, 1, null).orRefuse();
        response.setContentType("application/jsonl");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cairn-audit.jsonl\"");
        Writer writer = response.getWriter();
        audit.export(record -> {
            try {
                writer.write(json.writeValueAsString(record));
                writer.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orRefuse();
        writer.flush();
    }
}
