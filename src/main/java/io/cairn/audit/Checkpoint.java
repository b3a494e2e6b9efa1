package io.cairn.audit;

import java.util.Base64;
import java.util.Optional;

/**
 * A signed statement of the audit trail's Merkle tree at one size: a C2SP {@code tlog-checkpoint}, the signed note
 * whose text is the origin, the tree size and the base64 root hash, one a line.
 *
 * @param origin the log's name; the key that signs it has the same name
 * @param size how many records the tree covers: records 1 to {@code size}
 * @param rootHash the base64 RFC 6962 root hash of the tree over those records
 * @param note the whole signed note, as it is written to the checkpoint log
 */
public record Checkpoint(String origin, long size, String rootHash, String note) {

    /** The note text of a checkpoint: origin, size and base64 root hash, each followed by a newline. */
    static String text(String origin, long size, byte[] rootHash) {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /**
     * The checkpoint a signed note states; empty when its text is not one: fewer than three lines, a size that is
     * not a plain decimal, or a root that is not 32 bytes of base64. Extension lines are allowed and ignored.
     */
    static Optional<Checkpoint> of(SignedNote note) {
        String[] lines = note.text().split("\n", -1);
        if (lines.length < 4 || lines[0].isEmpty() || !lines[1].matches("0|[1-9][0-9]{0,18}")) {
            return Optional.empty();
        }
        try {
            if (Base64.getDecoder().decode(lines[2]).length != MerkleTree.HASH_SIZE) {
                return Optional.empty();
            }
            return Optional.of(new Checkpoint(lines[0], Long.parseLong(lines[1]), lines[2], note.render()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The checkpoint a signed note's text states, signatures unchecked; empty when the text is not one. */
    public static Optional<Checkpoint> read(String note) {
        return SignedNote.parse(note).flatMap(Checkpoint::of);
    }

    /** The root hash's 32 bytes. */
    byte[] root() {
        return Base64.getDecoder().decode(rootHash);
    }
}
