package io.cairn.isms.schedules;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Reading schedules, their occurrences, and the preview of a draft's next occurrences, computed as the scanner fires
 * them. The caller has checked the rights.
 */
@Service
class ScheduleReading {

    /** How many occurrences a preview shows by default, and at most. */
    static final int PREVIEW = 5;

    static final int MAX_PREVIEW = 50;

    /** How many of a schedule's latest occurrences its history shows. */
    static final int HISTORY = 200;

    private final Schedules schedules;
    private final ScheduleOccurrences occurrences;
    private final ScheduleChecks checks;
    private final ScheduleViews views;
    private final ProcedureTypeLookup types;
    private final Clock clock;

    ScheduleReading(
            Schedules schedules,
            ScheduleOccurrences occurrences,
            ScheduleChecks checks,
            ScheduleViews views,
            ProcedureTypeLookup types,
            Clock clock) {
        this.schedules = schedules;
        this.occurrences = occurrences;
        this.checks = checks;
        this.views = views;
        this.types = types;
        this.clock = clock;
    }

    List<ScheduleView> all() {
        return views.of(schedules.all());
    }

    Outcome<ScheduleView> one(ScheduleId id) {
        return schedules
                .byId(id)
                .map(views::of)
                .<Outcome<ScheduleView>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("schedule " + id)));
    }

    /** The schedule as its editor fills the fields. */
    Outcome<ScheduleDraft> draft(ScheduleId id) {
        return schedules
                .byId(id)
                .map(schedule -> schedule.draft(views.ownerName(schedule)))
                .<Outcome<ScheduleDraft>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("schedule " + id)));
    }

    /** The latest occurrences of a schedule, newest first. */
    Outcome<List<OccurrenceView>> occurrences(ScheduleId id) {
        return one(id).map(schedule -> occurrences.latest(id, HISTORY));
    }

    /**
     * The next occurrences of a draft from now on (or from its first day, when that lies ahead), or the problems with
     * when it fires; the rest of the draft (name, type, owner, values) is not checked.
     */
    Outcome<SchedulePreview> preview(ScheduleDraft draft, int count) {
        int wanted = Math.max(1, Math.min(MAX_PREVIEW, count));
        Instant now = clock.instant();
        return checks.timing(draft)
                .map(timing -> views.preview(
                        timing.recurrence(),
                        draft.recurrence(),
                        timing.recurrence().from(now, wanted)));
    }

    /** The procedure types a schedule may start, for choosing one. */
    List<ProcedureTypeLookup.Type> types() {
        return types.active();
    }
}
