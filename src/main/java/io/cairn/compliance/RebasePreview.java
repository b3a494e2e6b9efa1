package io.cairn.compliance;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What re-basing an open obligation on the regime version now in force would change: each stage's due instant under
 * the version it keeps and under the version in force, for the admin to see before confirming.
 *
 * @param version the obligation's version, which the re-base names
 */
public record RebasePreview(
        ObligationView obligation, String fromVersion, String toVersion, List<StageChange> stages, long version) {

    public RebasePreview {
        stages = List.copyOf(stages);
    }

    /** A stage's due instant before and after the re-base; none where its clock does not run or it is not required. */
    public record StageChange(
            String stage,
            String name,
            @Nullable Instant dueBefore,
            @Nullable Instant dueAfter) {}
}
