package io.cairn.incidents;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When an incident reached each milestone of its handling (PROC-3), where it has: what the timing metrics (MET-1)
 * measure between.
 *
 * @param occurredAt when it happened, as far as known
 * @param detectedAt when it was detected, as far as known
 * @param reportedAt when it was reported to the security team
 * @param acknowledgedAt when a person first acknowledged it: at triage, or by taking it
 * @param respondedAt when the response began: the first time it was accepted into analysis
 * @param containedAt when it was contained: the first time it left containment
 * @param eradicatedAt when the threat was eradicated: the first time it left eradication for recovery
 * @param recoveredAt when it was recovered: the first time it left recovery
 * @param closedAt when it was closed or dismissed, while it is
 */
public record Milestones(
        @Nullable Instant occurredAt,
        @Nullable Instant detectedAt,
        Instant reportedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant respondedAt,
        @Nullable Instant containedAt,
        @Nullable Instant eradicatedAt,
        @Nullable Instant recoveredAt,
        @Nullable Instant closedAt) {}
