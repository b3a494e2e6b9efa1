package io.cairn.audit;

import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import io.cairn.shared.SharedRefusals;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit API, for auditors: page through the trail, export it as JSON lines, verify it; read its signed
 * checkpoints, the key that signs them, and inclusion and consistency proofs. Auditors and admins have a checkpoint
 * signed on demand.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(
        name = "Audit trail",
        description = "The append-only record of every change, hash-chained and anchored by signed Merkle-tree "
                + "checkpoints kept outside the database, for auditors: page through it, export it, verify it, fetch its "
                + "checkpoints, their key and proofs.")
class AuditApi {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String NO_CHECKPOINT = "No checkpoint is signed yet: sign one first.";
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final AuditManagement audit;

    AuditApi(AuditManagement audit) {
        this.audit = audit;
    }

    /** Records after a sequence number, oldest first; optionally only those about one object. */
    @Operation(
            operationId = "listAuditRecords",
            summary = "List audit records",
            description = "The records after a sequence number, oldest first; optionally only those about one object.")
    @GetMapping("/records")
    List<AuditRecord> records(
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) @Nullable String object) {
        return audit.records(after, limit, object).orRefuse();
    }

    /**
     * Reports the trail intact, or names the first problem and every problem found: altered, missing and reordered
     * records, a rewrite or truncation before a signed checkpoint, checkpoints not signed by this instance, objects
     * changed outside Cairn.
     */
    @Operation(
            operationId = "verifyAuditTrail",
            summary = "Verify the audit trail",
            description = "Recomputes the chain and the Merkle tree, compares the tree with every signed checkpoint in "
                    + "this node's checkpoint log and in the database, and each incident's stored state with its "
                    + "latest record. Reports the trail intact, or names the first problem and every problem found: "
                    + "altered, missing and reordered records, a rewrite or truncation before a checkpoint, a "
                    + "checkpoint not signed by this instance's key, an incident changed outside Cairn.")
    @GetMapping("/verify")
    Verification verify() {
        return audit.verify().orRefuse();
    }

    /** The whole trail as JSON lines, one record a line, oldest first. */
    @Operation(
            operationId = "exportAuditTrail",
            summary = "Export the audit trail",
            description = "The whole trail as JSON lines, one record a line, oldest first.")
    @ApiResponse(
            responseCode = "200",
            description = "The trail, as a file of JSON lines",
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
                })
                .orRefuse();
        writer.flush();
    }

    /** Signs a checkpoint of the trail now if it grew since the last one; answers the latest checkpoint. */
    @Operation(
            operationId = "signAuditCheckpoint",
            summary = "Sign a checkpoint now",
            description = "Signs a checkpoint of the whole trail (a C2SP tlog-checkpoint of its Merkle tree) if it "
                    + "grew since the last one, and answers the latest checkpoint. Auditors and admins.")
    @ApiResponse(
            responseCode = "200",
            description = "The latest checkpoint, new or, when the trail did not grow, the " + "last one")
    @ApiResponse(
            responseCode = "409",
            description = "The trail has no records yet, or it is not what the last "
                    + "checkpoint says (rewritten, cut short): nothing was signed; verify the trail.")
    @PostMapping("/checkpoints")
    Checkpoint sign() {
        return audit.signCheckpoint().orRefuse();
    }

    /** The checkpoints in this node's checkpoint log after a size, smallest first. */
    @Operation(
            operationId = "listAuditCheckpoints",
            summary = "List checkpoints",
            description = "The checkpoints in the answering node's checkpoint log, outside the database, of more "
                    + "records than `after`, smallest first. Verify each note with the checkpoint key.")
    @GetMapping("/checkpoints")
    List<Checkpoint> checkpoints(
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        return audit.checkpoints(after, limit).orRefuse();
    }

    /** The newest checkpoint in this node's checkpoint log. */
    @Operation(
            operationId = "getLatestAuditCheckpoint",
            summary = "Get the latest checkpoint",
            description = "The newest checkpoint in the answering node's checkpoint log.")
    @ApiResponse(responseCode = "200", description = "The newest checkpoint")
    @ApiResponse(responseCode = "404", description = "No checkpoint is signed yet.")
    @GetMapping("/checkpoints/latest")
    Checkpoint latest() {
        return audit.latestCheckpoint().orRefuse();
    }

    /** The newest checkpoint as its signed note, as transparency logs serve their checkpoint. */
    @Operation(
            operationId = "getLatestAuditCheckpointNote",
            summary = "Get the latest checkpoint as a signed note",
            description = "The newest checkpoint as its C2SP signed note, as transparency logs serve their checkpoint.")
    @ApiResponse(
            responseCode = "200",
            description = "The signed note",
            content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No checkpoint is signed yet.")
    @GetMapping("/checkpoint")
    ResponseEntity<String> latestNote() {
        // always text, whatever the client accepts: a signed note has no other form
        return ResponseEntity.ok()
                .contentType(TEXT)
                .body(audit.latestCheckpoint().orRefuse().note());
    }

    @Operation(
            operationId = "getCosignedAuditCheckpoint",
            summary = "Get the latest checkpoint with its peers' cosignatures",
            description = "The newest checkpoint as a C2SP signed note with a cosignature line (C2SP tlog-cosignature "
                    + "v1) of every peer that witnessed it: each peer checked that it is consistent with the last "
                    + "checkpoint it cosigned.")
    @ApiResponse(
            responseCode = "200",
            description = "The cosigned note",
            content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No checkpoint is signed yet.")
    @GetMapping("/cosigned-checkpoint")
    ResponseEntity<String> cosignedNote() {
        return ResponseEntity.ok()
                .contentType(TEXT)
                .body(audit.cosignedCheckpoint().orRefuse());
    }

    /** This node's whole checkpoint log, as the file outside the database holds it. */
    @Operation(
            operationId = "getAuditCheckpointLog",
            summary = "Download the checkpoint log",
            description = "The answering node's whole checkpoint log, as the file outside the database holds it: one "
                    + "signed note per entry, each followed by a blank line.")
    @ApiResponse(
            responseCode = "200",
            description = "The checkpoint log",
            content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")))
    @GetMapping("/checkpoint-log")
    void checkpointLog(HttpServletResponse response) throws IOException {
        audit.checkpointKey().orRefuse();
        response.setContentType(TEXT.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cairn-checkpoints.txt\"");
        audit.writeCheckpointLog(response.getOutputStream()).orRefuse();
    }

    /**
     * The public key checkpoints are signed with.
     *
     * @param name the key's name, which is also the log's origin
     * @param keyId the key ID in the signature lines, in hex
     * @param algorithm always {@code Ed25519}
     * @param publicKey the 32-byte public key, base64
     * @param verifierKey the key as C2SP and Go's note package write it: {@code name+keyId+base64(0x01 || key)}
     */
    record CheckpointKey(String name, String keyId, String algorithm, String publicKey, String verifierKey) {}

    @Operation(
            operationId = "getAuditCheckpointKey",
            summary = "Get the checkpoint key",
            description = "The public Ed25519 key this instance signs its checkpoints with.")
    @GetMapping("/checkpoint-key")
    CheckpointKey checkpointKey() {
        VerifierKey key = audit.checkpointKey().orRefuse();
        return new CheckpointKey(key.name(), key.keyIdHex(), "Ed25519", key.publicKey(), key.encoded());
    }

    /** The proof that record {@code seq} is in the tree of {@code size} records (the latest checkpoint's). */
    @Operation(
            operationId = "getAuditInclusionProof",
            summary = "Prove a record is in the trail",
            description = "Record `seq`, its leaf hash and its audit path in the Merkle tree of `size` records (by "
                    + "default, and at most, the latest checkpoint's), with that checkpoint (RFC 6962 2.1.1).")
    @ApiResponse(responseCode = "200", description = "The record and its audit path")
    @ApiResponse(responseCode = "409", description = NO_CHECKPOINT)
    @GetMapping("/proofs/inclusion")
    InclusionProof inclusionProof(
            @RequestParam(required = false) @Nullable Long seq, @RequestParam(required = false) @Nullable Long size) {
        return audit.inclusionProof(required("seq", seq), size).orRefuse();
    }

    /** The proof that the tree of {@code from} records is a prefix of the tree of {@code to} (the latest's). */
    @Operation(
            operationId = "getAuditConsistencyProof",
            summary = "Prove the trail only grew",
            description = "The proof that the Merkle tree of `from` records is a prefix of the tree of `to` records "
                    + "(by default, and at most, the latest checkpoint's), with both checkpoints (RFC 6962 2.1.2).")
    @ApiResponse(responseCode = "200", description = "The consistency proof")
    @ApiResponse(responseCode = "409", description = NO_CHECKPOINT)
    @GetMapping("/proofs/consistency")
    ConsistencyProof consistencyProof(
            @RequestParam(required = false) @Nullable Long from, @RequestParam(required = false) @Nullable Long to) {
        return audit.consistencyProof(required("from", from), to).orRefuse();
    }

    private static long required(String name, @Nullable Long value) {
        if (value == null) {
            throw new RefusedException(Refusal.invalid(name, SharedRefusals.REQUIRED));
        }
        return value;
    }
}
