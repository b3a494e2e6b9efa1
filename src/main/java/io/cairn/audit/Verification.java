package io.cairn.audit;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of checking the whole audit trail: its records, its Merkle tree against every signed checkpoint kept
 * outside the database, and the audited objects' stored states against their latest records.
 *
 * @param intact true when every record is present, in order and unaltered, the tree matches every checkpoint and
 *     every audited object is as its latest record says
 * @param checked how many records were read
 * @param firstBroken the first problem found, absent when intact
 * @param problems every problem found, up to a limit: those of the records and the tree in trail order, then those of
 *     the checkpoints, then those of the objects
 * @param checkpoints how many signed checkpoints the tree was compared with
 * @param objects how many audited objects' states were compared with their latest records
 */
public record Verification(
        boolean intact,
        long checked,
        @Nullable Problem firstBroken,
        List<Problem> problems,
        long checkpoints,
        long objects) {

    /**
     * What is wrong at one place.
     *
     * @param seq the record it is at, or from which on it lies; 0 when it is not at one record (a checkpoint that is
     *     not this instance's, an object's state)
     * @param kind what sort of damage it is
     * @param message what is wrong, in English
     * @param object the object it is about, as people name it ({@code INC-42}), when it is about one
     * @param text the key of the message's text, by which a page shows it in the reader's language
     * @param arguments the variable parts of the message, in the order of the text's placeholders
     */
    // named apart from the API's problem details in the OpenAPI document
    @io.swagger.v3.oas.annotations.media.Schema(name = "VerificationProblem")
    public record Problem(
            long seq, Kind kind, String message, @Nullable String object, String text, List<String> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }

        /** A problem whose English message is the text's template with each placeholder ({@code {0}}) filled in. */
        static Problem of(long seq, Text text, @Nullable String object, Object... arguments) {
            List<String> texts = Arrays.stream(arguments).map(String::valueOf).toList();
            String message = text.template;
            for (int i = 0; i < texts.size(); i++) {
                message = message.replace("{" + i + "}", texts.get(i));
            }
            return new Problem(seq, text.kind, message, object, text.key, texts);
        }
    }

    /** The kinds of damage verification recognises. */
    public enum Kind {
        /** The record's content no longer matches its hash. */
        ALTERED,
        /** Records are absent: a gap in the sequence, or the end of the trail cut off. */
        MISSING,
        /** The record does not chain to the one before it: reordered or inserted. */
        OUT_OF_ORDER,
        /** The records up to a signed checkpoint no longer have its root hash: rewritten, hashes and all. */
        REWRITTEN,
        /** The trail is shorter than a signed checkpoint: its newest records were removed. */
        TRUNCATED,
        /** A checkpoint that is not validly signed by this instance's key, or not a checkpoint at all. */
        FORGED_CHECKPOINT,
        /** An audited object's stored state is not what its latest audit record says: changed outside Cairn. */
        CHANGED_OUTSIDE
    }

    /**
     * What verification says about a problem, in English; a page shows it in the reader's language by its key
     * ({@code audit.problem.text.<key>}).
     */
    enum Text {
        ALTERED("altered", Kind.ALTERED, "record {0} was altered: its content does not match its hash"),
        MISSING_ONE("missing-one", Kind.MISSING, "record {0} is missing"),
        MISSING_RANGE("missing-range", Kind.MISSING, "records {0} to {1} are missing"),
        MISSING_END("missing-end", Kind.MISSING, "records {0} to {1} are missing from the end of the trail"),
        OUT_OF_ORDER(
                "out-of-order",
                Kind.OUT_OF_ORDER,
                "record {0} does not follow record {1}: records were reordered or one was inserted"),
        REWRITTEN(
                "rewritten",
                Kind.REWRITTEN,
                "records were rewritten: the first {0} records no longer have the root "
                        + "hash of their signed checkpoint, so one of records {1} to {0} was changed, removed or inserted"),
        REWRITTEN_BLOCK(
                "rewritten-block",
                Kind.REWRITTEN,
                "records were rewritten: the first {0} records no longer "
                        + "have the root hash of their signed checkpoint; the first block that differs from the tree stored "
                        + "when it was signed is records {1} to {2}"),
        TRUNCATED(
                "truncated",
                Kind.TRUNCATED,
                "records were removed from the end: the trail ends at record {0}, but a "
                        + "checkpoint of {1} records was signed, so records {2} to {1} are gone"),
        CHECKPOINT_MALFORMED(
                "checkpoint-malformed",
                Kind.FORGED_CHECKPOINT,
                "entry {0} of the checkpoint log is not a signed checkpoint"),
        CHECKPOINT_FORGED(
                "checkpoint-forged",
                Kind.FORGED_CHECKPOINT,
                "entry {0} of the checkpoint log, a checkpoint "
                        + "of {1} records, is not signed by this instance's key"),
        CHECKPOINT_FORGED_STORED(
                "checkpoint-forged-stored",
                Kind.FORGED_CHECKPOINT,
                "a checkpoint in the database is not signed by this instance's key: {0}"),
        CHANGED_OUTSIDE(
                "changed-outside",
                Kind.CHANGED_OUTSIDE,
                "{0} was changed outside Cairn: its stored state is "
                        + "not the state its latest audit record, record {1}, holds"),
        NO_STATE_RECORD(
                "no-state-record",
                Kind.CHANGED_OUTSIDE,
                "{0} has no audit record of its state: it was " + "created outside Cairn, or its records were removed"),
        DELETED_OUTSIDE(
                "deleted-outside",
                Kind.CHANGED_OUTSIDE,
                "{0} {1} is in the audit trail (record {2}) but no longer exists: it was deleted outside Cairn");

        final String key;
        final Kind kind;
        final String template;

        Text(String key, Kind kind, String template) {
            this.key = key;
            this.kind = kind;
            this.template = template;
        }
    }

    public Verification {
        problems = List.copyOf(problems);
    }
}
