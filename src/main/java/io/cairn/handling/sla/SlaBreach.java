package io.cairn.handling.sla;

import io.cairn.identity.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The breach of an SLA clock and its escalation: when the clock breached, the escalation level it stands at and when
 * it moves on, whom it told, and who acknowledged it (which stops the escalation). Part of {@link SlaClock}.
 */
final class SlaBreach {

    private @Nullable Instant breachedAt;
    private @Nullable EscalationLevelId escalationLevel;
    private @Nullable Instant escalateAt;
    private int escalations;
    private final Set<UserId> notified;
    private @Nullable Instant acknowledgedAt;
    private @Nullable String acknowledgedBy;

    SlaBreach(
            @Nullable Instant breachedAt,
            @Nullable EscalationLevelId escalationLevel,
            @Nullable Instant escalateAt,
            int escalations,
            Set<UserId> notified,
            @Nullable Instant acknowledgedAt,
            @Nullable String acknowledgedBy) {
        this.breachedAt = breachedAt;
        this.escalationLevel = escalationLevel;
        this.escalateAt = escalateAt;
        this.escalations = escalations;
        this.notified = new LinkedHashSet<>(notified);
        this.acknowledgedAt = acknowledgedAt;
        this.acknowledgedBy = acknowledgedBy;
    }

    /** Records the breach and, when a first level is given, when it escalates to it. */
    void record(Instant now, @Nullable EscalationLevelId firstLevel, @Nullable Duration wait, Set<UserId> told) {
        breachedAt = now;
        moveTo(now, firstLevel, wait, told);
    }

    /** Moves the breach to the given level (or to none, at the end of the chain) and records whom it told. */
    void escalate(Instant now, @Nullable EscalationLevelId nextLevel, @Nullable Duration wait, Set<UserId> told) {
        escalations++;
        moveTo(now, nextLevel, wait, told);
    }

    private void moveTo(Instant now, @Nullable EscalationLevelId level, @Nullable Duration wait, Set<UserId> told) {
        escalationLevel = level;
        escalateAt = level == null || wait == null ? null : now.plus(wait);
        notified.addAll(told);
    }

    /** Someone took the breach on: escalation stops. */
    void acknowledge(Instant now, String by) {
        acknowledgedAt = now;
        acknowledgedBy = by;
        stopEscalating();
    }

    void stopEscalating() {
        escalateAt = null;
    }

    /** Forgets the breach, which a longer target has not reached yet; whom it told and acknowledgements stay. */
    void clear() {
        breachedAt = null;
        escalationLevel = null;
        escalateAt = null;
        escalations = 0;
    }

    /** Whether the clock breached and nobody acknowledged it yet. */
    boolean unacknowledged() {
        return breachedAt != null && acknowledgedAt == null;
    }

    @Nullable
    Instant breachedAt() {
        return breachedAt;
    }

    @Nullable
    EscalationLevelId escalationLevel() {
        return escalationLevel;
    }

    @Nullable
    Instant escalateAt() {
        return escalateAt;
    }

    int escalations() {
        return escalations;
    }

    Set<UserId> notified() {
        return Set.copyOf(notified);
    }

    @Nullable
    Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    @Nullable
    String acknowledgedBy() {
        return acknowledgedBy;
    }
}
