package io.cairn.isms.schedules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The occurrences schedules fired ({@code isms_schedule_occurrence}), each (schedule, instant) once. */
@Component
class ScheduleOccurrences {

    /** What came of an occurrence. */
    enum Result {
        STARTED("started"),
        NOT_STARTED("not-started"),
        MISSED("missed"),
        PAUSED("paused");

        private final String code;

        Result(String code) {
            this.code = code;
        }
    }

    private final JdbcClient jdbc;
    private final MessageSource messages;

    ScheduleOccurrences(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
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
    void settle(
            ScheduleId schedule, Instant at, Result result, @Nullable String run, @Nullable OccurrenceReason reason) {
        jdbc.sql("""
                update isms_schedule_occurrence set outcome = ?, run_reference = ?, reason = ?,
                    reason_detail = cast(? as jsonb)
                where schedule_id = ? and occurs_at = ?""")
                .params(
                        result.code,
                        run,
                        reason == null ? null : reason.english(),
                        reason == null ? null : reason.stored(),
                        schedule.value(),
                        Timestamp.from(at))
                .update();
    }

    /**
     * Records the occurrences that fell while a schedule was paused, each once, as started by none because it was
     * paused: the history of a schedule has every occurrence, and the auditor's evidence shows them as exceptions.
     */
    void recordPaused(ScheduleId schedule, List<Instant> occurrences, Instant now) {
        OccurrenceReason reason = OccurrenceReason.of(ScheduleRefusals.WAS_PAUSED);
        jdbc.sql("""
                        insert into isms_schedule_occurrence (schedule_id, occurs_at, outcome, reason, reason_detail,
                                                              recorded_at)
                        select ?, at, 'paused', ?, cast(? as jsonb), ? from unnest(cast(? as timestamptz[])) as at
                        on conflict do nothing""")
                .params(
                        schedule.value(),
                        reason.english(),
                        reason.stored(),
                        Timestamp.from(now),
                        occurrences.stream().map(Timestamp::from).toArray(Timestamp[]::new))
                .update();
    }

    /** The latest occurrences of a schedule, newest first. */
    List<OccurrenceView> latest(ScheduleId schedule, int limit) {
        return jdbc.sql("""
                        select occurs_at, outcome, run_reference, reason, reason_detail::text as reason_detail,
                            recorded_at from isms_schedule_occurrence
                        where schedule_id = ? order by occurs_at desc limit ?""")
                .params(schedule.value(), limit)
                .query((row, n) -> new OccurrenceView(
                        row.getTimestamp("occurs_at").toInstant(),
                        row.getString("outcome"),
                        row.getString("run_reference"),
                        OccurrenceReason.parse(row.getString("reason_detail"))
                                .map(reason -> reason.text(messages, LocaleContextHolder.getLocale()))
                                .orElse(row.getString("reason")),
                        row.getTimestamp("recorded_at").toInstant()))
                .list();
    }
}
