package io.cairn.isms.evidence;

import io.cairn.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An evidence item as its collector enters it; each part is checked, and named when it is refused.
 *
 * @param kind the kind's code, such as {@code disk-image}
 * @param collectedBy who collected it; the signed-in user when null
 * @param collectedWhere the place it was collected at
 * @param collectedHow the method and tool, such as {@code write-blocker + dd}
 * @param sha256 the SHA-256 the collector recorded: required for an item Cairn does not hold, and for a file Cairn
 *     holds the hash the file must have (it is refused when it differs)
 * @param storageLocation where it is kept now
 */
public record NewEvidence(
        @Nullable String kind,
        @Nullable String description,
        @Nullable String source,
        @Nullable Instant collectedAt,
        @Nullable UserId collectedBy,
        @Nullable String collectedWhere,
        @Nullable String collectedHow,
        @Nullable String sha256,
        @Nullable String storageLocation) {}
