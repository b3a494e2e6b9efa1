package io.cairn.isms.evidence;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.isms.EvidenceItemId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An evidence item as the API and the pages show it: its facts as last corrected, who holds it and where, the
 * transfer awaiting a sign-off, and its whole custody log, oldest entry first.
 *
 * @param label how people name it within its incident: {@code E3}
 * @param held whether Cairn holds its file and computed its SHA-256; otherwise the collector recorded the hash
 * @param chainIntact whether every entry's hash is that of its content after the entry before it
 * @param version the version a transfer or a correction names: how many entries the log has
 */
public record EvidenceView(
        EvidenceItemId id,
        IncidentId incident,
        String incidentReference,
        String label,
        String kind,
        String description,
        String source,
        Instant collectedAt,
        Person collectedBy,
        String collectedWhere,
        String collectedHow,
        String sha256,
        boolean held,
        @Nullable FileView file,
        String storageLocation,
        Person custodian,
        @Nullable PendingTransfer pendingTransfer,
        Instant recordedAt,
        String headHash,
        boolean chainIntact,
        long version,
        List<EntryView> custody) {

    /** A Cairn user, by id and by the name people know. */
    public record Person(UserId id, String name) {}

    /** The file Cairn holds: its name as uploaded, its size in bytes, and its type as sniffed from its content. */
    public record FileView(String name, long size, String contentType) {}

    /** A transfer the custodian proposed that the receiver has not signed off yet. */
    public record PendingTransfer(
            UUID id, Person from, Person to, Instant at, String purpose, String storageLocation, Instant proposedAt) {}

    /**
     * One entry of the custody log; what its kind does not have is null.
     *
     * @param recordedBy who recorded the entry, and so signed it off, at {@code recordedAt}
     * @param occurredAt when the collection or hand-over took place, as stated
     * @param refersTo the entry this one answers (a sign-off of a proposal) or corrects
     * @param hash the entry's hash: the after-digest of its record in the audit trail, whose before-digest is
     *     {@code previousHash}
     */
    public record EntryView(
            UUID id,
            int seq,
            String kind,
            Instant recordedAt,
            Person recordedBy,
            @Nullable Instant occurredAt,
            @Nullable Person from,
            @Nullable Person to,
            @Nullable String purpose,
            @Nullable String storageLocation,
            @Nullable String reason,
            @Nullable String field,
            @Nullable String oldValue,
            @Nullable String newValue,
            @Nullable UUID refersTo,
            @Nullable String result,
            @Nullable String computedSha256,
            String previousHash,
            String hash) {}
}
