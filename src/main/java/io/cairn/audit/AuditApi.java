package io.cairn.audit;

import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
class AuditApi {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final AuditManagement audit;

    AuditApi(AuditManagement audit) {
        this.audit = audit;
    }

    /** Records after a sequence number, oldest first; optionally only those about one object. */
    @GetMapping("/records")
    List<AuditRecord> records(@RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) @Nullable String object) {
        return audit.records(after, limit, object).orRefuse();
    }

    /**
     * Reports the trail intact, or names the first problem and every problem found: altered, missing and reordered
     * records, a rewrite or truncation before a signed checkpoint, checkpoints not signed by this instance, objects
     * changed outside Cairn.
     */
    @GetMapping("/verify")
    Verification verify() {
        return audit.verify().orRefuse();
    }

    /** The whole trail as JSON lines, one record a line, oldest first. */
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

    /** Signs a checkpoint of the trail now if it grew since the last one; answers the latest checkpoint. */
    @PostMapping("/checkpoints")
    Checkpoint sign() {
        return audit.signCheckpoint().orRefuse();
    }

    /** The checkpoints in this node's checkpoint log after a size, smallest first. */
    @GetMapping("/checkpoints")
    List<Checkpoint> checkpoints(@RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit) {
        return audit.checkpoints(after, limit).orRefuse();
    }

    /** The newest checkpoint in this node's checkpoint log. */
    @GetMapping("/checkpoints/latest")
    Checkpoint latest() {
        return audit.latestCheckpoint().orRefuse();
    }

    /** The newest checkpoint as its signed note, as transparency logs serve their checkpoint. */
    @GetMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    String latestNote() {
        return audit.latestCheckpoint().orRefuse().note();
    }

    /** This node's whole checkpoint log, as the file outside the database holds it. */
    @GetMapping(value = "/checkpoint-log", produces = MediaType.TEXT_PLAIN_VALUE)
    void checkpointLog(HttpServletResponse response) throws IOException {
        audit.checkpointKey().orRefuse();
        response.setContentType("text/plain; charset=utf-8");
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

    @GetMapping("/checkpoint-key")
    CheckpointKey checkpointKey() {
        VerifierKey key = audit.checkpointKey().orRefuse();
        return new CheckpointKey(key.name(), String.format("%08x", key.keyId()), "Ed25519", key.publicKey(),
                key.encoded());
    }

    /** The proof that record {@code seq} is in the tree of {@code size} records (the latest checkpoint's). */
    @GetMapping("/proofs/inclusion")
    InclusionProof inclusionProof(@RequestParam(required = false) @Nullable Long seq,
            @RequestParam(required = false) @Nullable Long size) {
        return audit.inclusionProof(required("seq", seq), size).orRefuse();
    }

    /** The proof that the tree of {@code from} records is a prefix of the tree of {@code to} (the latest's). */
    @GetMapping("/proofs/consistency")
    ConsistencyProof consistencyProof(@RequestParam(required = false) @Nullable Long from,
            @RequestParam(required = false) @Nullable Long to) {
        return audit.consistencyProof(required("from", from), to).orRefuse();
    }

    private static long required(String name, @Nullable Long value) {
        if (value == null) {
            throw new RefusedException(Refusal.invalid(name, "is required"));
        }
        return value;
    }
}
