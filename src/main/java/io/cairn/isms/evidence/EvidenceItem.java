package io.cairn.isms.evidence;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.isms.EvidenceItemId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An evidence item as its custody log has it now: the facts as last corrected, its custodian and where it is kept,
 * and the transfer awaiting a sign-off, if any.
 *
 * @param number the item's number within its incident, from 1
 * @param held whether Cairn holds the item's file (and computed its SHA-256), rather than only its recorded hash
 * @param file the file Cairn holds; null when it holds none
 * @param headHash the hash of the log's last entry
 * @param version how many entries the log has: each entry moves it on
 */
record EvidenceItem(
        EvidenceItemId id,
        IncidentId incident,
        int number,
        EvidenceKind kind,
        String description,
        String source,
        Instant collectedAt,
        UserId collectedBy,
        String collectedWhere,
        String collectedHow,
        String sha256,
        boolean held,
        @Nullable HeldFile file,
        String storageLocation,
        UserId custodian,
        @Nullable UUID pendingTransfer,
        @Nullable UserId pendingReceiver,
        Instant recordedAt,
        String headHash,
        long version) {

    /** The file Cairn holds: its name as uploaded, its size in bytes and the type sniffed from its content. */
    record HeldFile(String name, long size, String contentType) {}

    /** The item handed over to a new custodian, to be kept at a new place; no transfer pending any more. */
    EvidenceItem handedTo(UserId receiver, String location) {
        return inCustody(location, receiver, null, null);
    }

    /** The item kept at another place, as a correction says. */
    EvidenceItem keptAt(String location) {
        return inCustody(location, custodian, pendingTransfer, pendingReceiver);
    }

    /** The item with a transfer to the receiver pending, or none when {@code transfer} is null. */
    EvidenceItem pending(@Nullable UUID transfer, @Nullable UserId receiver) {
        return inCustody(storageLocation, custodian, transfer, receiver);
    }

    /** The item with these facts of its custody, the others as they are. */
    private EvidenceItem inCustody(String location, UserId holder, @Nullable UUID transfer, @Nullable UserId receiver) {
        return new EvidenceItem(
                id,
                incident,
                number,
                kind,
                description,
                source,
                collectedAt,
                collectedBy,
                collectedWhere,
                collectedHow,
                sha256,
                held,
                file,
                location,
                holder,
                transfer,
                receiver,
                recordedAt,
                headHash,
                version);
    }

    /** How people name the item: {@code E3}. */
    String label() {
        return "E" + number;
    }

    /** The current value of a fact that a correction may change, as text; see {@link EvidenceRules#CORRECTABLE}. */
    String valueOf(String field) {
        return switch (field) {
            case "kind" -> kind.code();
            case "description" -> description;
            case "source" -> source;
            case "collectedAt" -> collectedAt.toString();
            case "collectedWhere" -> collectedWhere;
            case "collectedHow" -> collectedHow;
            case "storageLocation" -> storageLocation;
            case "sha256" -> sha256;
            default -> throw new IllegalArgumentException("no correctable fact " + field);
        };
    }
}
