package io.cairn.handling.sla;

import io.cairn.handling.SlaClockKind;
import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One SLA clock of an incident: the working time it has used of its target, whether it runs, is paused or was met,
 * and the instants at which it warns, breaches and escalates.
 *
 * <p>The working time used is kept as {@code consumed} (up to {@code runningSince}) plus, while running, the working
 * time on the calendar since then; so a pause and a resume are exact whatever the calendar, and the due and warning
 * instants are stored, which makes the scanner a plain index query on {@link #nextCheckAt()}. The invariant: while
 * running and not yet due, used working time plus the working time left until {@code dueAt} equals the target.
 */
final class SlaClock {

    /** Where a clock stands. */
    enum State {
        RUNNING,
        PAUSED,
        MET
    }

    private final IncidentId incident;
    private final SlaClockKind kind;
    private int priorityLevel;
    private Duration target;
    private Duration warnAfter;
    private @Nullable SlaCalendarId calendar;
    private State state;
    private Duration consumed;
    private @Nullable Instant runningSince;
    private final Instant startedAt;
    private @Nullable Instant dueAt;
    private @Nullable Instant warnAt;
    private @Nullable Instant warnedAt;
    private @Nullable Instant metAt;
    private final SlaBreach breach;
    private final long version;

    SlaClock(
            IncidentId incident,
            SlaClockKind kind,
            int priorityLevel,
            Duration target,
            Duration warnAfter,
            @Nullable SlaCalendarId calendar,
            State state,
            Duration consumed,
            @Nullable Instant runningSince,
            Instant startedAt,
            @Nullable Instant dueAt,
            @Nullable Instant warnAt,
            @Nullable Instant warnedAt,
            @Nullable Instant breachedAt,
            @Nullable Instant metAt,
            @Nullable EscalationLevelId escalationLevel,
            @Nullable Instant escalateAt,
            int escalations,
            Set<UserId> notified,
            @Nullable Instant acknowledgedAt,
            @Nullable String acknowledgedBy,
            long version) {
        this.incident = incident;
        this.kind = kind;
        this.priorityLevel = priorityLevel;
        this.target = target;
        this.warnAfter = warnAfter;
        this.calendar = calendar;
        this.state = state;
        this.consumed = consumed;
        this.runningSince = runningSince;
        this.startedAt = startedAt;
        this.dueAt = dueAt;
        this.warnAt = warnAt;
        this.warnedAt = warnedAt;
        this.metAt = metAt;
        this.breach = new SlaBreach(
                breachedAt, escalationLevel, escalateAt, escalations, notified, acknowledgedAt, acknowledgedBy);
        this.version = version;
    }

    /** A clock that starts running at the given moment with the policy's target. */
    static SlaClock start(
            IncidentId incident,
            SlaClockKind kind,
            int priorityLevel,
            SlaPolicy.Target target,
            BusinessCalendar on,
            Instant at) {
        SlaClock clock = new SlaClock(
                incident,
                kind,
                priorityLevel,
                target.target(),
                target.warnAfter(),
                target.calendar(),
                State.RUNNING,
                Duration.ZERO,
                at,
                at,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                Set.of(),
                null,
                null,
                0);
        clock.schedule(on);
        return clock;
    }

    /** The working time used up to {@code now}. */
    Duration consumed(Instant now, BusinessCalendar on) {
        return state == State.RUNNING && runningSince != null
                ? consumed.plus(on.workingTimeBetween(runningSince, now))
                : consumed;
    }

    /** The working time left of the target at {@code now}; zero once it is used up. */
    Duration remaining(Instant now, BusinessCalendar on) {
        Duration left = target.minus(consumed(now, on));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Stops the clock for a while: the working time used so far is kept, and nothing is due until it resumes. */
    void pause(Instant now, BusinessCalendar on) {
        if (state != State.RUNNING) {
            return;
        }
        consumed = consumed(now, on);
        runningSince = null;
        state = State.PAUSED;
        dueAt = null;
        warnAt = null;
    }

    /** Lets a paused clock run again from {@code now}; the due instants move by the working time of the pause. */
    void resume(Instant now, BusinessCalendar on) {
        if (state != State.PAUSED) {
            return;
        }
        state = State.RUNNING;
        runningSince = now;
        schedule(on);
    }

    /** The promise was kept (or the incident ended): the clock stops for good, and so does any escalation. */
    void meet(Instant now, BusinessCalendar on) {
        if (state == State.MET) {
            return;
        }
        consumed = consumed(now, on);
        runningSince = null;
        state = State.MET;
        metAt = now;
        breach.stopEscalating();
    }

    /** A met clock runs again, as when a closed incident is reopened; a breach stays recorded. */
    void reopen(Instant now, BusinessCalendar on) {
        if (state != State.MET) {
            return;
        }
        state = State.RUNNING;
        metAt = null;
        runningSince = now;
        schedule(on);
    }

    /**
     * Measures the clock against another policy's target (the incident was reprioritised, or the policy changed):
     * the working time used so far is kept, and the due instants are computed anew. A warning or breach that the new
     * target is not yet reached for is cleared, so that it can come again at the right time.
     */
    void retarget(
            int newPriorityLevel,
            SlaPolicy.Target newTarget,
            BusinessCalendar oldCalendar,
            BusinessCalendar newCalendar,
            Instant now) {
        if (state == State.RUNNING) {
            consumed = consumed(now, oldCalendar);
            runningSince = now;
        }
        priorityLevel = newPriorityLevel;
        target = newTarget.target();
        warnAfter = newTarget.warnAfter();
        calendar = newTarget.calendar();
        if (state == State.MET) {
            return;
        }
        if (consumed.compareTo(warnAfter) < 0) {
            warnedAt = null;
        }
        if (consumed.compareTo(target) < 0 && breach.breachedAt() != null) {
            breach.clear();
        }
        if (state == State.RUNNING) {
            schedule(newCalendar);
        }
    }

    /** Records that the warning went out. */
    void warn(Instant now) {
        warnedAt = now;
    }

    /**
     * Records the breach; when the policy names a first escalation level, the breach escalates to it unless someone
     * acknowledges it within the level's wait.
     */
    void breach(Instant now, @Nullable EscalationLevelId firstLevel, @Nullable Duration wait, Set<UserId> told) {
        if (warnedAt == null) {
            warnedAt = now;
        }
        breach.record(now, firstLevel, wait, told);
    }

    /** Moves the breach to the given level (or to none, at the end of the chain) and records whom it told. */
    void escalate(Instant now, @Nullable EscalationLevelId nextLevel, @Nullable Duration wait, Set<UserId> told) {
        breach.escalate(now, nextLevel, wait, told);
    }

    /** Someone took the breach on: escalation stops. */
    void acknowledge(Instant now, String by) {
        breach.acknowledge(now, by);
    }

    /** The earliest moment the scanner must look at this clock again, or empty when nothing lies ahead. */
    @Nullable
    Instant nextCheckAt() {
        Instant escalation = breach.unacknowledged() && state != State.MET ? breach.escalateAt() : null;
        Instant warning = state == State.RUNNING && warnedAt == null && breach.breachedAt() == null ? warnAt : null;
        Instant due = state == State.RUNNING && breach.breachedAt() == null ? dueAt : null;
        return Stream.of(escalation, warning, due)
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** Whether a warning is due at {@code now}. */
    boolean warningDue(Instant now) {
        return state == State.RUNNING
                && warnedAt == null
                && breach.breachedAt() == null
                && warnAt != null
                && !warnAt.isAfter(now)
                && dueAt != null
                && dueAt.isAfter(now);
    }

    /** Whether the breach is due at {@code now}. */
    boolean breachDue(Instant now) {
        return state == State.RUNNING && breach.breachedAt() == null && dueAt != null && !dueAt.isAfter(now);
    }

    /** Whether the breach is to escalate to its next level at {@code now}. */
    boolean escalationDue(Instant now) {
        Instant escalateAt = breach.escalateAt();
        return breach.unacknowledged() && state != State.MET && escalateAt != null && !escalateAt.isAfter(now);
    }

    private void schedule(BusinessCalendar on) {
        Instant from = java.util.Objects.requireNonNull(runningSince);
        dueAt = on.addWorkingTime(from, target.minus(consumed));
        warnAt = on.addWorkingTime(from, warnAfter.minus(consumed));
    }

    IncidentId incident() {
        return incident;
    }

    SlaClockKind kind() {
        return kind;
    }

    int priorityLevel() {
        return priorityLevel;
    }

    Duration target() {
        return target;
    }

    Duration warnAfter() {
        return warnAfter;
    }

    @Nullable
    SlaCalendarId calendar() {
        return calendar;
    }

    State state() {
        return state;
    }

    Duration consumedBeforeRun() {
        return consumed;
    }

    @Nullable
    Instant runningSince() {
        return runningSince;
    }

    Instant startedAt() {
        return startedAt;
    }

    @Nullable
    Instant dueAt() {
        return dueAt;
    }

    @Nullable
    Instant warnAt() {
        return warnAt;
    }

    @Nullable
    Instant warnedAt() {
        return warnedAt;
    }

    @Nullable
    Instant metAt() {
        return metAt;
    }

    /** The breach of the clock and its escalation, if it breached. */
    SlaBreach breach() {
        return breach;
    }

    long version() {
        return version;
    }
}
