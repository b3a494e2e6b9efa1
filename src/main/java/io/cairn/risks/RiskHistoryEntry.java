package io.cairn.risks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One state a risk was in, from a change on.
 *
 * @param status its status from then on; none for states recorded before statuses were
 */
record RiskHistoryEntry(
        Instant at,
        long version,
        String severity,
        @Nullable String residualSeverity,
        @Nullable String status) {}
