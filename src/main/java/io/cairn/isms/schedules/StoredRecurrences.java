package io.cairn.isms.schedules;

import io.cairn.handling.sla.BusinessCalendar;
import io.cairn.handling.sla.BusinessCalendars;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The recurrence of a stored schedule, on its calendar as the calendar is now. A calendar that was removed counts as
 * none (every day is a working day), as SLA policies count on a removed calendar.
 */
@Component
class StoredRecurrences {

    private final BusinessCalendars calendars;

    StoredRecurrences(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    /** The recurrence, if the stored rule still fires (a changed calendar may leave a skipping rule nothing). */
    Optional<Recurrence> of(Schedule schedule) {
        @Nullable
        BusinessCalendar calendar = schedule.calendar() == null
                ? null
                : calendars.calendar(schedule.calendar()).orElse(null);
        return Recurrence.of(
                                schedule.recurrence(),
                                schedule.firstDay(),
                                schedule.time(),
                                schedule.zone(),
                                calendar,
                                schedule.nonWorkingDay())
                        instanceof io.cairn.shared.Outcome.Done<Recurrence> done
                ? Optional.of(done.value())
                : Optional.empty();
    }

    /** The next occurrence at or after the moment, if the schedule fires again. */
    Optional<Instant> next(Schedule schedule, Instant moment) {
        return of(schedule).flatMap(recurrence -> recurrence.next(moment)).map(Recurrence.Occurrence::at);
    }
}
