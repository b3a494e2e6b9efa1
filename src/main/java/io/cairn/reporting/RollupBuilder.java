package io.cairn.reporting;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the roll-ups of the days that changes have marked dirty, a few weeks of days per transaction, one builder
 * at a time across nodes (a transaction-scoped advisory lock). It claims the dirty marks it rebuilds (rows locked and
 * deleted in its transaction), so a change still uncommitted keeps its own mark for the next pass. When the reporting
 * zone, the recurrence window or the figures' form differ from those the roll-ups were built with (or on the first
 * start), every day is rebuilt.
 */
@Component
class RollupBuilder {

    /** The most days rebuilt in one transaction. */
    static final int DAYS_PER_PASS = 31;

    private static final long LOCK = 0x5265706f72746e67L;

    /** A dirty mark: the instants from and to (exclusive) whose days must be rebuilt. */
    private record Mark(long id, Instant from, Instant to) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final DayFacts facts;
    private final ReportingSettings settings;
    private final TransactionTemplate transactions;
    private final Duration budget;

    RollupBuilder(
            JdbcClient jdbc,
            JdbcTemplate batches,
            DayFacts facts,
            ReportingSettings settings,
            TransactionTemplate transactions,
            @Value("${cairn.reporting.rollup-budget:PT2S}") Duration budget) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.facts = facts;
        this.settings = settings;
        this.transactions = transactions;
        this.budget = budget;
    }

    @Scheduled(
            initialDelayString = "${cairn.reporting.rollup-interval:PT1S}",
            fixedDelayString = "${cairn.reporting.rollup-interval:PT1S}")
    public void onSchedule() {
        buildWithin(budget);
    }

    /** Rebuilds dirty days, pass after pass, until none is left or the time is up; the days rebuilt. */
    int buildWithin(Duration time) {
        Instant until = Instant.now().plus(time);
        int built = 0;
        int pass;
        do {
            Integer days = transactions.execute(status -> pass());
            pass = days == null ? 0 : days;
            built += pass;
        } while (pass > 0 && Instant.now().isBefore(until));
        return built;
    }

    /** One transaction: claims dirty marks and rebuilds up to a pass's days; the days rebuilt, 0 when none. */
    private int pass() {
        if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(LOCK)
                .query(Boolean.class)
                .single())) {
            return 0;
        }
        ZoneId zone = settings.zone();
        startOverIfChanged(zone);
        List<Mark> claimed = jdbc.sql("select id, from_at, to_at from reporting_dirty order by id limit 1000 "
                        + "for update skip locked")
                .query((row, n) -> new Mark(
                        row.getLong("id"),
                        row.getTimestamp("from_at").toInstant(),
                        row.getTimestamp("to_at").toInstant()))
                .list();
        if (claimed.isEmpty()) {
            return 0;
        }
        SortedSet<LocalDate> days = new TreeSet<>();
        claimed.forEach(mark -> days.addAll(DayFacts.daysOf(mark.from(), mark.to(), zone)));
        jdbc.sql("delete from reporting_dirty where id = any(?)")
                .param(claimed.stream().map(Mark::id).toArray(Long[]::new))
                .update();
        SortedSet<LocalDate> now =
                new TreeSet<>(days.stream().limit(DAYS_PER_PASS).toList());
        markDirty(new TreeSet<>(days.tailSet(now.last().plusDays(1))), zone);
        rebuild(now, zone);
        return now.size();
    }

    /** Marks the days dirty again, as a range per run of consecutive days: what this pass leaves for the next. */
    private void markDirty(SortedSet<LocalDate> days, ZoneId zone) {
        for (List<LocalDate> run : DayFacts.runs(days)) {
            jdbc.sql("insert into reporting_dirty (from_at, to_at) values (?, ?)")
                    .params(
                            Timestamp.from(run.get(0).atStartOfDay(zone).toInstant()),
                            Timestamp.from(run.get(run.size() - 1)
                                    .plusDays(1)
                                    .atStartOfDay(zone)
                                    .toInstant()))
                    .update();
        }
    }

    private void rebuild(SortedSet<LocalDate> days, ZoneId zone) {
        Map<LocalDate, Map<RollupGroup, DayFigures>> figures = facts.compute(days, zone);
        jdbc.sql("delete from reporting_day where day = any(?::date[])")
                .param(days.stream().map(LocalDate::toString).toArray(String[]::new))
                .update();
        long version = jdbc.sql("select nextval('reporting_day_version')")
                .query(Long.class)
                .single();
        List<Object[]> rows = new ArrayList<>();
        figures.forEach((day, groups) -> groups.forEach((group, ofGroup) -> rows.add(new Object[] {
            group.grouping(),
            group.value(),
            day,
            version,
            ofGroup.opened,
            ofGroup.closed,
            ofGroup.breachedRunning,
            ofGroup.encode()
        })));
        batches.batchUpdate(
                "insert into reporting_day (grouping, value, day, version, opened, closed, breached_running, "
                        + "figures) values (?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    /**
     * On the first pass, or after the zone or the recurrence window or the figures' form changed: forgets every day
     * and marks all of them dirty, from the first instant any figure counts on (of an incident, or a clock's breach)
     * to the last.
     */
    private void startOverIfChanged(ZoneId zone) {
        if (facts.storedAreCurrent(zone)) {
            return;
        }
        jdbc.sql("delete from reporting_day").update();
        jdbc.sql("delete from reporting_dirty").update();
        facts.storedAreNow(zone);
        String moments = "reported_at, " + String.join(", ", DayFacts.MILESTONES);
        jdbc.sql("insert into reporting_dirty (from_at, to_at) select min(first), max(last) + interval '1 hour' from "
                        + "(select min(least(" + moments + ")) as first, max(greatest(" + moments + ")) as last from "
                        + "incident union all select min(breached_at), max(breached_at) from sla_clock) anchors having "
                        + "max(last) is not null")
                .update();
    }
}
