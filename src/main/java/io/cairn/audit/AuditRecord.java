package io.cairn.audit;

import io.cairn.shared.ContentDigest;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * One record of the audit trail.
 *
 * @param seq its place in the trail, from 1 without gaps
 * @param previousHash the hash of the record before it (64 zeros for the first)
 * @param hash SHA-256 over the previous hash and this record's content; its 32 bytes are the record's leaf in the
 *     trail's Merkle tree
 */
public record AuditRecord(
        long seq,
        Instant at,
        String actorId,
        String actorName,
        String action,
        String objectType,
        String objectId,
        @Nullable String beforeDigest,
        @Nullable String afterDigest,
        String previousHash,
        String hash) {

    /** The hash before the first record. */
    public static final String GENESIS = "0".repeat(64);

    /** The hash this record must have, given the previous record's hash: recomputed by verification. */
    public static String hashOf(
            String previousHash,
            Instant at,
            String actorId,
            String actorName,
            String action,
            String objectType,
            String objectId,
            @Nullable String beforeDigest,
            @Nullable String afterDigest) {
        return hashOf(
                previousHash,
                contentAfterPreviousHash(
                        at, actorId, actorName, action, objectType, objectId, beforeDigest, afterDigest));
    }

    /**
     * The hashed content that follows the previous hash: the hash is the SHA-256 of the previous hash followed by
     * this text, so the database can compute it from the previous hash it reads under the head row's lock.
     */
    static String contentAfterPreviousHash(
            Instant at,
            String actorId,
            String actorName,
            String action,
            String objectType,
            String objectId,
            @Nullable String beforeDigest,
            @Nullable String afterDigest) {
        return "\n"
                + String.join(
                        "\n",
                        at.toString(),
                        actorId,
                        actorName,
                        action,
                        objectType,
                        objectId,
                        beforeDigest == null ? "" : beforeDigest,
                        afterDigest == null ? "" : afterDigest);
    }

    /** The hash of a record given the previous record's hash and its content ({@link #contentAfterPreviousHash}). */
    static String hashOf(String previousHash, String contentAfterPreviousHash) {
        return ContentDigest.of(previousHash + contentAfterPreviousHash).hex();
    }

    /** True when the stored hash matches the content and the stored previous hash. */
    public boolean sealsItsContent() {
        return hash.equals(
                hashOf(previousHash, at, actorId, actorName, action, objectType, objectId, beforeDigest, afterDigest));
    }

    /**
     * The record's leaf hash in the trail's Merkle tree (RFC 6962): SHA-256(0x00 || the 32 bytes of its hash). The
     * hash already seals the record's content and the hash before it, so the tree commits to the whole chain; an
     * auditor given one record recomputes its hash from its content and its previous hash, then this.
     */
    public byte[] leafHash() {
        return MerkleTree.leafHash(hashBytes(hash));
    }

    /** The 32 bytes of a hash as hex; the text itself for a hash that is not (a record altered into nonsense). */
    static byte[] hashBytes(String hash) {
        if (hash.length() == 64) {
            try {
                return HexFormat.of().parseHex(hash);
            } catch (IllegalArgumentException notHex) {
                // falls through
            }
        }
        return hash.getBytes(StandardCharsets.UTF_8);
    }

    /** The record in the current row of a query over {@code audit_record}. */
    static AuditRecord of(ResultSet row) throws SQLException {
        return new AuditRecord(
                row.getLong("seq"),
                row.getObject("at", OffsetDateTime.class).toInstant(),
                row.getString("actor_id"),
                row.getString("actor_name"),
                row.getString("action"),
                row.getString("object_type"),
                row.getString("object_id"),
                row.getString("before_digest"),
                row.getString("after_digest"),
                row.getString("previous_hash"),
                row.getString("hash"));
    }
}
