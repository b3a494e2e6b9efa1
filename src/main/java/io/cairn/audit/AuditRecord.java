package io.cairn.audit;

import io.cairn.shared.ContentDigest;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One record of the audit trail.
 *
 * @param seq its place in the trail, from 1 without gaps
 * @param previousHash the hash of the record before it (64 zeros for the first)
 * @param hash SHA-256 over the previous hash and this record's content
 */
public record AuditRecord(long seq, Instant at, String actorId, String actorName, String action, String objectType,
        String objectId, @Nullable String beforeDigest, @Nullable String afterDigest, String previousHash,
        String hash) {

    /** The hash before the first record. */
    public static final String GENESIS = "0".repeat(64);

    /** The hash this record must have, given the previous record's hash: recomputed by verification. */
    public static String hashOf(String previousHash, Instant at, String actorId, String actorName, String action,
            String objectType, String objectId, @Nullable String beforeDigest, @Nullable String afterDigest) {
        return ContentDigest.of(previousHash + contentAfterPreviousHash(at, actorId, actorName, action, objectType,
                objectId, beforeDigest, afterDigest)).hex();
    }

    /**
     * The hashed content that follows the previous hash: the hash is the SHA-256 of the previous hash followed by
     * this text, so the database can compute it from the previous hash it reads under the head row's lock.
     */
    static String contentAfterPreviousHash(Instant at, String actorId, String actorName, String action,
            String objectType, String objectId, @Nullable String beforeDigest, @Nullable String afterDigest) {
        return "\n" + String.join("\n", at.toString(), actorId, actorName, action, objectType, objectId,
                beforeDigest == null ? "" : beforeDigest, afterDigest == null ? "" : afterDigest);
    }

    /** True when the stored hash matches the content and the stored previous hash. */
    public boolean sealsItsContent() {
        return hash.equals(hashOf(previousHash, at, actorId, actorName, action, objectType, objectId, beforeDigest,
                afterDigest));
    }
}
