package io.cairn.federation;

import io.cairn.audit.AuditRecord;
import io.cairn.audit.InclusionProof;
import io.cairn.audit.witnessing.TrailWitnessing;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a chain auditor asks this hop while walking an incident back to its origin ({@code java -jar cairn.jar trace}),
 * every request signed with a chain auditor key configured here (FederationSecurity): this hop's trail keys, the
 * receipts of one of its incidents (the digests of the messages it received about it), and the audit records of one
 * message digest (its receipt, or its issue to a subscriber) each with an inclusion proof against the newest checkpoint
 * its peers cosigned, and the message itself when this hop received it. A hop proves one receipt without showing the
 * rest of its trail.
 */
@RestController
class TraceEndpoints {

    static final String KEYS = FederationSecurity.TRACE + "keys";
    static final String INCIDENT = FederationSecurity.TRACE + "incidents/{incident}";
    static final String RECORDS = FederationSecurity.TRACE + "records/{sha256}";

    private final TrailWitnessing trail;
    private final JdbcClient jdbc;

    TraceEndpoints(TrailWitnessing trail, JdbcClient jdbc) {
        this.trail = trail;
        this.jdbc = jdbc;
    }

    /** This hop's checkpoint key and witness key, as C2SP verifier keys. */
    record Keys(String checkpointKey, String witnessKey) {}

    @GetMapping(KEYS)
    Keys keys() {
        return new Keys(trail.checkpointKey().encoded(), trail.witnessKey().encoded());
    }

    /**
     * The messages this hop received about one of its incidents.
     *
     * @param receipts oldest version first
     */
    record IncidentReceipts(UUID incident, List<Receipt> receipts) {}

    /** One message received: the hex SHA-256 of its JWS as received, which its receipt record carries. */
    record Receipt(String sha256, UUID exchangeId, long version, String kind, Instant receivedAt) {}

    @GetMapping(INCIDENT)
    @Transactional(readOnly = true)
    IncidentReceipts incident(@PathVariable UUID incident) {
        List<Receipt> receipts = jdbc.sql("""
                        select m.sha256, m.exchange_id, m.version, m.kind, m.received_at
                        from federation_received_message m
                        join federation_received_incident i on i.peer_id = m.peer_id and i.exchange_id = m.exchange_id
                        where i.incident_id = ?
                        order by m.version, m.received_at""")
                .param(incident)
                .query((row, n) -> new Receipt(
                        row.getString("sha256"),
                        row.getObject("exchange_id", UUID.class),
                        row.getLong("version"),
                        row.getString("kind"),
                        row.getTimestamp("received_at").toInstant()))
                .list();
        if (receipts.isEmpty()) {
            throw new RefusedException(Refusal.notFound("an incident received from a provider"));
        }
        return new IncidentReceipts(incident, receipts);
    }

    /**
     * The records of one message digest at this hop.
     *
     * @param message the JWS this hop received with that digest; null when it only issued it
     * @param cosignedCheckpoint the newest checkpoint peers cosigned, with their cosignatures; the proofs are against it
     */
    record DigestRecords(
            String sha256,
            @Nullable String message,
            @Nullable String cosignedCheckpoint,
            List<ProvenRecord> records) {}

    /** One audit record, as an auditor recomputes its hash, with its inclusion proof; null before a checkpoint. */
    record ProvenRecord(AuditRecord record, @Nullable Proof proof) {}

    /** The audit path of a record in the tree of {@code treeSize} records, nearest the leaf first, base64. */
    record Proof(long leafIndex, long treeSize, List<String> hashes) {

        static Proof of(InclusionProof proof) {
            return new Proof(proof.leafIndex(), proof.treeSize(), proof.hashes());
        }
    }

    @GetMapping(RECORDS)
    @Transactional(readOnly = true)
    DigestRecords records(@PathVariable String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new RefusedException(Refusal.invalid("sha256", FederationRefusals.NOT_A_SHA256));
        }
        TrailWitnessing.RecordsOfDigest found = trail.recordsOfDigest(sha256);
        List<ProvenRecord> records = Stream.concat(
                        found.proven().stream().map(proof -> new ProvenRecord(proof.record(), Proof.of(proof))),
                        found.unproven().stream().map(record -> new ProvenRecord(record, null)))
                .toList();
        if (records.isEmpty()) {
            throw new RefusedException(Refusal.notFound("an audit record of that digest"));
        }
        String message = jdbc.sql("select jws from federation_received_message where sha256 = ? limit 1")
                .param(sha256)
                .query(String.class)
                .optional()
                .orElse(null);
        return new DigestRecords(sha256, message, found.cosignedCheckpoint(), records);
    }
}
