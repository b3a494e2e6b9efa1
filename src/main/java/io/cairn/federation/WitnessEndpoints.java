package io.cairn.federation;

import io.cairn.audit.ConsistencyProof;
import io.cairn.audit.witnessing.TrailWitnessing;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this instance's audit trail shows its peers, so that they can witness it: its keys, its newest checkpoint (with
 * its own signature only: a cosignature names the peer that made it, which one peer may not learn of another), and
 * consistency proofs between two sizes (hashes, never a record); and where a peer sends its cosignature back. Every
 * request is signed by a registered, active peer (FederationSecurity).
 */
@RestController
class WitnessEndpoints {

    /** A cosigned checkpoint is a few hundred bytes; a signed note is at most 64 KiB. */
    private static final int MAX_NOTE_BYTES = 64 * 1024;

    private final TrailWitnessing trail;
    private final PeerWitnessing witnessing;

    WitnessEndpoints(TrailWitnessing trail, PeerWitnessing witnessing) {
        this.trail = trail;
        this.witnessing = witnessing;
    }

    @GetMapping(PeerWitnessing.KEYS)
    Map<String, String> keys() {
        return Map.of(
                "checkpointKey", trail.checkpointKey().encoded(),
                "witnessKey", trail.witnessKey().encoded());
    }

    /** A signed note is UTF-8 text (its signature lines start with an em dash). */
    private static final MediaType NOTE = new MediaType("text", "plain", StandardCharsets.UTF_8);

    @GetMapping(PeerWitnessing.CHECKPOINT)
    ResponseEntity<String> checkpoint() {
        return ResponseEntity.ok()
                .contentType(NOTE)
                .body(trail.latestCheckpoint()
                        .orElseThrow(() -> new RefusedException(Refusal.notFound("a signed checkpoint"))));
    }

    /** A consistency proof between two of this instance's tree sizes. */
    record Proof(long from, long to, List<String> hashes) {}

    @GetMapping(PeerWitnessing.CONSISTENCY)
    Proof consistency(@RequestParam long from, @RequestParam long to) {
        ConsistencyProof proof = trail.consistencyProof(from, to).orRefuse();
        return new Proof(proof.size1(), proof.size2(), proof.hashes());
    }

    /** When the peer's cosignature was made, as it states it. */
    record Kept(Instant cosignedAt) {}

    @PostMapping(PeerWitnessing.COSIGNATURES)
    ResponseEntity<Kept> cosignature(@AuthenticationPrincipal PeerView peer, HttpServletRequest request)
            throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_NOTE_BYTES + 1);
        if (body.length > MAX_NOTE_BYTES) {
            throw new RefusedException(Refusal.tooLarge("body", FederationRefusals.NOTE_TOO_LARGE, MAX_NOTE_BYTES));
        }
        Instant at = witnessing
                .keepCosignature(peer, new String(body, StandardCharsets.UTF_8))
                .orRefuse();
        return ResponseEntity.ok(new Kept(at));
    }
}
