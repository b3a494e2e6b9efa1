package io.cairn.handling.sla;

import io.cairn.handling.SlaClockKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An SLA clock of an incident as handlers read it.
 *
 * @param state {@code running}, {@code paused} or {@code met}
 * @param standing {@code on-track}, {@code warning}, {@code breached}, {@code paused} or {@code met}
 * @param priority the priority whose policy the clock measures against
 * @param target the target, ISO 8601 (such as {@code PT4H})
 * @param consumed the working time used so far, ISO 8601
 * @param remaining the working time left, ISO 8601; zero once breached
 * @param calendar the name of the calendar it counts on; empty for around the clock
 * @param dueAt when it is due; empty while paused or once met
 * @param escalationLevel the name of the level an unacknowledged breach stands at
 */
public record SlaClockView(
        SlaClockKind kind,
        String state,
        String standing,
        String priority,
        String target,
        String consumed,
        String remaining,
        @Nullable String calendar,
        Instant startedAt,
        @Nullable Instant dueAt,
        @Nullable Instant warnAt,
        @Nullable Instant warnedAt,
        @Nullable Instant breachedAt,
        @Nullable Instant metAt,
        @Nullable String escalationLevel,
        int escalations,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy) {

    /** Whether the clock was breached and nobody has acknowledged it yet. */
    public boolean awaitsAcknowledgement() {
        return breachedAt != null && acknowledgedAt == null;
    }
}
