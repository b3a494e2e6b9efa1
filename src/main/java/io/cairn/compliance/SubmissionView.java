package io.cairn.compliance;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A submission of a stage's report, frozen: what was sent, to whom, through which channel, when and by whom.
 *
 * @param sequence 1 for the first submission of the stage, then each correction the next
 * @param corrects the submission this one corrects; none for the first
 * @param sha256 the SHA-256 of the exact JSON bytes submitted, as lower-case hex
 * @param channel {@code portal}, {@code e-mail}, {@code api}, {@code letter} or {@code phone}
 * @param reference the authority's reference number; none when the channel gives none
 * @param dueAt when the stage was due as it was submitted; none when its clock did not run
 * @param late it was submitted after it was due
 * @param delayReason why it was late (GDPR Art. 33(1), DORA RTS 2025/301 Art. 5(3)); none when it was not
 */
public record SubmissionView(
        UUID id,
        String stage,
        int sequence,
        @Nullable UUID corrects,
        String sha256,
        String channel,
        String recipient,
        @Nullable String reference,
        @Nullable Instant dueAt,
        boolean late,
        @Nullable String delayReason,
        String submittedByName,
        Instant submittedAt) {

    /** This submission with the SHA-256 of the bytes it froze. */
    SubmissionView sealed(String digest) {
        return new SubmissionView(
                id,
                stage,
                sequence,
                corrects,
                digest,
                channel,
                recipient,
                reference,
                dueAt,
                late,
                delayReason,
                submittedByName,
                submittedAt);
    }
}
