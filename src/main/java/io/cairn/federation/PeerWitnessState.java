package io.cairn.federation;

import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How this instance witnesses one peer's audit trail.
 *
 * @param witnessKey the peer's witness key (C2SP cosigner key text), pinned at the first round; its cosignatures of
 *     this instance's checkpoints are checked with it
 * @param logOrigin the name of the peer's log, as its checkpoints name it
 * @param checkedAt when the last round ran
 * @param cosignedSize the size of the newest checkpoint of the peer this instance cosigned
 * @param outcome what the last round found, in English words
 * @param reason what the last round found, to be read in the reader's language; null for a round recorded before
 *     reasons were kept
 * @param alarms checkpoints of the peer that contradicted one cosigned before (a fork or a rewrite), newest first
 */
public record PeerWitnessState(
        PeerId peer,
        String peerName,
        String witnessKey,
        String logOrigin,
        Instant pinnedAt,
        @Nullable Instant checkedAt,
        @Nullable Long cosignedSize,
        @Nullable String outcome,
        @Nullable Reason reason,
        List<Alarm> alarms) {

    public PeerWitnessState {
        alarms = List.copyOf(alarms);
    }

    /** The same state with the alarms raised for the peer's log. */
    PeerWitnessState withAlarms(List<Alarm> raised) {
        return new PeerWitnessState(
                peer, peerName, witnessKey, logOrigin, pinnedAt, checkedAt, cosignedSize, outcome, reason, raised);
    }

    /**
     * What a round found as a message: its code in the message bundles, the English template where a bundle has none,
     * and the arguments.
     */
    public record Reason(String code, String template, List<String> arguments) {

        public Reason {
            arguments = List.copyOf(arguments);
        }

        static final String COSIGNED = "witnessing.cosigned";

        /** A round that cosigned the checkpoint of this size. */
        static Reason cosigned(long size) {
            return new Reason(COSIGNED, "Cosigned the peer''s checkpoint of size {0}.", List.of(String.valueOf(size)));
        }

        /** A round that was refused: its first problem, or the refusal itself when it names no field. */
        static Reason of(Refusal refusal) {
            if (refusal.fields().isEmpty()) {
                return new Reason(
                        RefusalErrors.codeOf(refusal.code()), refusal.template(), strings(refusal.arguments()));
            }
            Refusal.FieldProblem problem = refusal.fields().get(0);
            return new Reason(RefusalErrors.codeOf(problem.code()), problem.template(), strings(problem.arguments()));
        }

        private static List<String> strings(List<Object> arguments) {
            return arguments.stream().map(String::valueOf).toList();
        }
    }

    /** A checkpoint that contradicted the peer's log as witnessed before. */
    public record Alarm(
            Instant detectedAt, String reason, @Nullable String offeredNote) {}
}
