package io.cairn.isms.schedules;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.isms.ScheduleChanged;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Adding, revising, pausing, resuming and removing schedules. Every problem is refused before anything is stored; a
 * change made on a version someone else changed meanwhile is refused as stale; a schedule that fired is paused, not
 * removed, so that its history stays; each change publishes a {@link ScheduleChanged} for the audit trail. A schedule
 * fires from the next occurrence at or after the moment it is saved or resumed: occurrences while it was paused start
 * nothing, and are recorded as paused when it resumes. The caller has checked the rights.
 */
@Service
class ScheduleEditing {

    private final Schedules schedules;
    private final ScheduleChecks checks;
    private final StoredRecurrences recurrences;
    private final ScheduleViews views;
    private final ScheduleOccurrences occurrences;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScheduleEditing(
            Schedules schedules,
            ScheduleChecks checks,
            StoredRecurrences recurrences,
            ScheduleViews views,
            ScheduleOccurrences occurrences,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.schedules = schedules;
        this.checks = checks;
        this.recurrences = recurrences;
        this.views = views;
        this.occurrences = occurrences;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    Outcome<ScheduleView> add(ScheduleDraft draft) {
        Instant now = clock.instant();
        return checks.check(draft)
                .flatMap(checked -> next(checked, now).map(nextAt -> {
                    ScheduleId id = ScheduleId.random();
                    Actor actor = identity.requireActor();
                    schedules.add(id, checked, nextAt, actor.username(), now);
                    Schedule stored = schedules.byId(id).orElseThrow();
                    publish(stored, actor, now, ScheduleChanged.Verb.ADDED, null);
                    return views.of(stored);
                }));
    }

    Outcome<ScheduleView> revise(ScheduleId id, ScheduleDraft draft, long version) {
        Optional<Schedule> found = schedules.byId(id);
        if (found.isEmpty()) {
            return Outcome.refused(notFound(id));
        }
        Instant now = clock.instant();
        return checks.check(draft)
                .flatMap(checked -> next(checked, now).flatMap(nextAt -> {
                    Actor actor = identity.requireActor();
                    if (!schedules.revise(id, checked, nextAt, version, actor.username(), now)) {
                        return Outcome.refused(
                                Refusal.stale(version, found.get().version()));
                    }
                    return Outcome.done(changed(id, found.get(), actor, now, ScheduleChanged.Verb.REVISED));
                }));
    }

    Outcome<ScheduleView> pause(ScheduleId id, long version) {
        return activate(id, false, version);
    }

    Outcome<ScheduleView> resume(ScheduleId id, long version) {
        return activate(id, true, version);
    }

    Outcome<ScheduleView> remove(ScheduleId id, long version) {
        Optional<Schedule> found = schedules.byId(id);
        if (found.isEmpty()) {
            return Outcome.refused(notFound(id));
        }
        if (found.get().fired()) {
            return Outcome.refused(
                    Refusal.conflict(ScheduleRefusals.FIRED_ALREADY, found.get().name()));
        }
        if (!schedules.delete(id, version)) {
            return Outcome.refused(Refusal.stale(version, found.get().version()));
        }
        Actor actor = identity.requireActor();
        Instant now = clock.instant();
        events.publishEvent(new ScheduleChanged(
                id.toString(),
                actor.ref(),
                now,
                ScheduleChanged.Verb.REMOVED,
                Optional.of(digest(found.get())),
                Optional.empty()));
        return Outcome.done(views.of(found.get()));
    }

    private Outcome<ScheduleView> activate(ScheduleId id, boolean active, long version) {
        Optional<Schedule> found = schedules.byId(id);
        if (found.isEmpty()) {
            return Outcome.refused(notFound(id));
        }
        Schedule schedule = found.get();
        if (schedule.active() == active) {
            return Outcome.refused(Refusal.conflict(
                    active ? ScheduleRefusals.ACTIVE_ALREADY : ScheduleRefusals.PAUSED_ALREADY, schedule.name()));
        }
        Instant now = clock.instant();
        Optional<Instant> nextAt = active ? recurrences.next(schedule, now) : Optional.ofNullable(schedule.nextAt());
        if (active && nextAt.isEmpty()) {
            return Outcome.refused(Refusal.invalid("recurrence", ScheduleRefusals.NO_MORE_OCCURRENCES));
        }
        Actor actor = identity.requireActor();
        if (!schedules.activate(id, active, nextAt.orElse(null), version, actor.username(), now)) {
            return Outcome.refused(Refusal.stale(version, schedule.version()));
        }
        Instant unfired = schedule.nextAt();
        if (active && unfired != null) {
            // from the first occurrence it did not fire when it was paused, up to now
            occurrences.recordPaused(
                    id,
                    recurrences
                            .of(schedule)
                            .map(rule -> rule.between(unfired, now.minusNanos(1), ScheduleScanner.MAX_DUE).stream()
                                    .map(Recurrence.Occurrence::at)
                                    .toList())
                            .orElse(List.of()),
                    now);
        }
        ScheduleChanged.Verb verb = active ? ScheduleChanged.Verb.RESUMED : ScheduleChanged.Verb.PAUSED;
        return Outcome.done(changed(id, schedule, actor, now, verb));
    }

    /** The first occurrence at or after now, or a refusal when the rule fires no more. */
    private static Outcome<Instant> next(CheckedSchedule checked, Instant now) {
        return checked.recurrence()
                .next(now)
                .<Outcome<Instant>>map(occurrence -> Outcome.done(occurrence.at()))
                .orElseGet(() -> Outcome.refused(Refusal.invalid("recurrence", ScheduleRefusals.NO_MORE_OCCURRENCES)));
    }

    private ScheduleView changed(ScheduleId id, Schedule before, Actor actor, Instant now, ScheduleChanged.Verb verb) {
        Schedule after = schedules.byId(id).orElseThrow();
        publish(after, actor, now, verb, before);
        return views.of(after);
    }

    private void publish(
            Schedule after, Actor actor, Instant now, ScheduleChanged.Verb verb, @Nullable Schedule before) {
        events.publishEvent(new ScheduleChanged(
                after.id().toString(),
                actor.ref(),
                now,
                verb,
                Optional.ofNullable(before).map(ScheduleEditing::digest),
                Optional.of(digest(after))));
    }

    /** A digest of what the schedule says and whether it is active; not of when it fires next or who changed it. */
    private static String digest(Schedule schedule) {
        return ContentDigest.of(String.join(
                        "\n",
                        schedule.name(),
                        schedule.procedureType().toString(),
                        schedule.owner().toString(),
                        new java.util.TreeMap<>(schedule.values()).toString(),
                        schedule.recurrence(),
                        schedule.firstDay().toString(),
                        schedule.time().toString(),
                        schedule.zone().getId(),
                        String.valueOf(schedule.calendar()),
                        schedule.nonWorkingDay().code(),
                        String.valueOf(schedule.active())))
                .hex();
    }

    private static Refusal notFound(ScheduleId id) {
        return Refusal.notFound("schedule " + id);
    }
}
