package io.cairn.isms.schedules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The occurrences schedules fired ({@code isms_schedule_occurrence}), each (schedule, instant) once. */
@Component
class ScheduleOccurrences {

    /** What came of an occurrence. */
    enum Result {
        STARTED("started"),
        NOT_STARTED("not-started"),
        MISSED("missed");

        private final String code;

        Result(String code) {
            this.code = code;
        }
    }

    private final JdbcClient jdbc;

    ScheduleOccurrences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an occurrence unless it is recorded already; false when it was, and then it must not start a run again.
     */
    boolean claim(ScheduleId schedule, Instant at, Instant now) {
        return jdbc.sql("""
                        insert into isms_schedule_occurrence (schedule_id, occurs_at, outcome, recorded_at)
                        values (?, ?, 'not-started', ?) on conflict do nothing""")
                        .params(schedule.value(), Timestamp.from(at), Timestamp.from(now))
                        .update()
                == 1;
    }

    /** What came of a claimed occurrence: the run it started, or why none did. */
    void settle(ScheduleId schedule, Instant at, Result result, @Nullable String run, @Nullable String reason) {
        jdbc.sql("""
                update isms_schedule_occurrence set outcome = ?, run_reference = ?, reason = ?
                where schedule_id = ? and occurs_at = ?""")
                .params(result.code, run, reason, schedule.value(), Timestamp.from(at))
                .update();
    }

    /** The latest occurrences of a schedule, newest first. */
    List<OccurrenceView> latest(ScheduleId schedule, int limit) {
        return jdbc.sql("""
                        select occurs_at, outcome, run_reference, reason, recorded_at from isms_schedule_occurrence
                        where schedule_id = ? order by occurs_at desc limit ?""")
                .params(schedule.value(), limit)
                .query((row, n) -> new OccurrenceView(
                        row.getTimestamp("occurs_at").toInstant(),
                        row.getString("outcome"),
                        row.getString("run_reference"),
                        row.getString("reason"),
                        row.getTimestamp("recorded_at").toInstant()))
                .list();
    }
}
