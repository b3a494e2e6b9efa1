package io.cairn.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads the figures of a period's days for a filter from the roll-ups: each day's stored figures where it is clean,
 * and from the incidents where a change has marked it dirty and the builder has not yet rebuilt it, all as of the
 * reader's one snapshot (the metrics read in a repeatable-read transaction), so that they equal what the incidents
 * give. Stored figures are kept decoded in a cache by their version. When the filter has no groups, the roll-ups are
 * for another zone, or too many days are dirty, there is no answer and the metric counts the incidents itself.
 */
@Component
class Rollups {

    /** More dirty days than this in a request and the incidents are counted directly. */
    static final int MOST_DIRTY_DAYS = 62;

    /** A period's days: the figures of each day for each of the filter's groups, and the backlog at its start. */
    record Days(Map<LocalDate, List<DayFigures>> figures, long backlogAtStart) {

        List<DayFigures> of(LocalDate day) {
            return figures.getOrDefault(day, List.of());
        }

        /** What a period counts of a day's figures, given the days from that day to the period's end. */
        interface Adder {
            void add(DayFigures day, long daysToEnd, long[] sums);
        }

        /**
         * Per period of the filter, sums of what the adder counts of each of its days (of the filter's days); the
         * period's end is the first day after it, or after the filter's last day if that is sooner.
         */
        Map<LocalDate, long[]> perPeriod(MetricsFilter filter, int sums, Adder adder) {
            Map<LocalDate, long[]> periods = new HashMap<>();
            for (LocalDate start : filter.periodStarts()) {
                LocalDate next = filter.period().next(start);
                LocalDate end = next.isAfter(filter.to()) ? filter.to().plusDays(1) : next;
                long[] into = new long[sums];
                for (LocalDate day = start.isBefore(filter.from()) ? filter.from() : start;
                        day.isBefore(end);
                        day = day.plusDays(1)) {
                    for (DayFigures figures : of(day)) {
                        adder.add(figures, java.time.temporal.ChronoUnit.DAYS.between(day, end), into);
                    }
                }
                periods.put(start, into);
            }
            return periods;
        }

        /** The days of each period of the filter (within its days), in order. */
        Map<LocalDate, List<DayFigures>> byPeriod(MetricsFilter filter) {
            Map<LocalDate, List<DayFigures>> periods = new HashMap<>();
            for (LocalDate start : filter.periodStarts()) {
                LocalDate next = filter.period().next(start);
                List<DayFigures> ofPeriod = new ArrayList<>();
                for (LocalDate day = start.isBefore(filter.from()) ? filter.from() : start;
                        day.isBefore(next) && !day.isAfter(filter.to());
                        day = day.plusDays(1)) {
                    ofPeriod.addAll(of(day));
                }
                periods.put(start, ofPeriod);
            }
            return periods;
        }

        /** The figures of every day of the period. */
        List<DayFigures> all() {
            return figures.values().stream().flatMap(List::stream).toList();
        }
    }

    private final JdbcClient jdbc;
    private final DayFacts facts;
    private final RollupStore store;

    Rollups(JdbcClient jdbc, DayFacts facts, RollupStore store) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.store = store;
    }

    /** The days from the filter's first to its last, or nothing when the roll-ups cannot give them. */
    Optional<Days> read(MetricsFilter filter, boolean withBacklog) {
        Optional<List<RollupGroup>> found = RollupGroup.of(filter, jdbc);
        if (found.isEmpty() || !current(filter.zone())) {
            return Optional.empty();
        }
        List<RollupGroup> groups = found.get();
        Optional<SortedSet<LocalDate>> dirty =
                dirtyDays(filter.zone(), withBacklog ? null : filter.start(), filter.end());
        if (dirty.isEmpty()) {
            return Optional.empty();
        }
        Map<LocalDate, List<DayFigures>> figures = stored(filter, groups, dirty.get());
        Map<LocalDate, Map<RollupGroup, DayFigures>> computed = computed(dirty.get(), filter.zone());
        long backlog = withBacklog ? storedSum("opened - closed", groups, filter.from(), dirty.get()) : 0;
        for (LocalDate day : dirty.get()) {
            List<DayFigures> ofDay = groups.stream()
                    .map(group -> computed.getOrDefault(day, Map.of()).get(group))
                    .filter(java.util.Objects::nonNull)
                    .toList();
            if (day.isBefore(filter.from())) {
                backlog += ofDay.stream().mapToLong(f -> f.opened - f.closed).sum();
            } else if (!day.isAfter(filter.to())) {
                figures.put(day, ofDay);
            }
        }
        return Optional.of(new Days(figures, backlog));
    }

    /**
     * The days in the zone that a dirty instant from the start (or ever, when null) to the end falls in; nothing when
     * too many.
     */
    private Optional<SortedSet<LocalDate>> dirtyDays(ZoneId zone, @Nullable Instant start, Instant end) {
        SortedSet<LocalDate> days = new TreeSet<>();
        List<Instant[]> ranges = jdbc.sql("select from_at, to_at from reporting_dirty where from_at < ? and to_at > "
                        + "coalesce(?, '-infinity'::timestamptz)")
                .params(Timestamp.from(end), start == null ? null : Timestamp.from(start))
                .query((row, n) -> new Instant[] {
                    row.getTimestamp("from_at").toInstant(),
                    row.getTimestamp("to_at").toInstant()
                })
                .list();
        for (Instant[] range : ranges) {
            days.addAll(DayFacts.daysOf(range[0], range[1], zone));
            if (days.size() > MOST_DIRTY_DAYS) {
                return Optional.empty();
            }
        }
        return Optional.of(days);
    }

    /** The stored figures of the period's clean days, by day. */
    private Map<LocalDate, List<DayFigures>> stored(
            MetricsFilter filter, List<RollupGroup> groups, SortedSet<LocalDate> dirty) {
        Map<LocalDate, List<DayFigures>> figures = new HashMap<>();
        store.stored(
                        groupingOf(groups),
                        groups.stream().map(RollupGroup::value).toArray(String[]::new),
                        false,
                        filter.from(),
                        filter.to(),
                        dirty)
                .values()
                .forEach(days -> days.forEach((day, ofDay) ->
                        figures.computeIfAbsent(day, d -> new ArrayList<>()).add(ofDay)));
        return figures;
    }

    /**
     * The period's figures of each value of the grouping and of all incidents, by group and day, for a filter on
     * nothing; for a filter on the same grouping, of its values only; nothing otherwise, or when the roll-ups cannot
     * give them.
     */
    Optional<Map<RollupGroup, List<DayFigures>>> byGroup(MetricsFilter filter, String grouping) {
        Optional<Reach> reach = reach(filter, grouping);
        if (reach.isEmpty()) {
            return Optional.empty();
        }
        return dirtyDays(filter.zone(), filter.start(), filter.end()).map(dirty -> {
            Map<RollupGroup, List<DayFigures>> groups = new HashMap<>();
            store.stored(grouping, reach.get().values(), reach.get().all(), filter.from(), filter.to(), dirty)
                    .forEach((group, days) -> groups.computeIfAbsent(group, g -> new ArrayList<>())
                            .addAll(days.values()));
            computed(dirty, filter.zone())
                    .forEach((day, computed) -> computed.forEach((group, figures) -> {
                        if (reach.get().wants(group) && !day.isBefore(filter.from()) && !day.isAfter(filter.to())) {
                            groups.computeIfAbsent(group, g -> new ArrayList<>())
                                    .add(figures);
                        }
                    }));
            return groups;
        });
    }

    /**
     * What a filter reads of a grouping: every value and all incidents, for a filter on nothing; the filter's own
     * values, for a filter on that grouping.
     */
    private record Reach(List<RollupGroup> groups, boolean all, String grouping) {

        boolean wants(RollupGroup group) {
            return group.equals(RollupGroup.ALL)
                    ? all
                    : group.grouping().equals(grouping) && (all || groups.contains(group));
        }

        /** The values read, or null for every value. */
        String @Nullable [] values() {
            return all ? null : groups.stream().map(RollupGroup::value).toArray(String[]::new);
        }
    }

    /** What the filter reads of the grouping, when the roll-ups hold it: nothing for a filter on something else. */
    private Optional<Reach> reach(MetricsFilter filter, String grouping) {
        Optional<List<RollupGroup>> found = RollupGroup.of(filter, jdbc);
        if (found.isEmpty() || !current(filter.zone())) {
            return Optional.empty();
        }
        boolean all = found.get().equals(List.of(RollupGroup.ALL));
        return all || found.get().stream().allMatch(group -> group.grouping().equals(grouping))
                ? Optional.of(new Reach(found.get(), all, grouping))
                : Optional.empty();
    }

    /**
     * The SLA clocks of the filter's incidents breached before the day (in the filter's zone) and still running, or
     * nothing when the roll-ups cannot give them.
     */
    Optional<Long> breachedRunningBefore(MetricsFilter filter, LocalDate day) {
        Optional<List<RollupGroup>> groups = RollupGroup.of(filter, jdbc);
        if (groups.isEmpty() || !current(filter.zone())) {
            return Optional.empty();
        }
        Instant end = day.atStartOfDay(filter.zone()).toInstant();
        return dirtyDays(filter.zone(), null, end).map(dirty -> {
            SortedSet<LocalDate> before = dirty.headSet(day);
            Map<LocalDate, Map<RollupGroup, DayFigures>> computed = computed(before, filter.zone());
            long sum = storedSum("breached_running", groups.get(), day, before);
            for (Map<RollupGroup, DayFigures> ofDay : computed.values()) {
                sum += groups.get().stream()
                        .map(ofDay::get)
                        .filter(java.util.Objects::nonNull)
                        .mapToLong(figures -> figures.breachedRunning)
                        .sum();
            }
            return sum;
        });
    }

    /** A sum over the groups' stored days before the day, but the dirty ones (a column or columns' expression). */
    private long storedSum(String summed, List<RollupGroup> groups, LocalDate day, SortedSet<LocalDate> dirty) {
        return jdbc.sql("select coalesce(sum(" + summed + "), 0) from reporting_day where grouping = ? and "
                        + "value = any(?) and day < ? and not (day = any(?::date[]))")
                .params(
                        groupingOf(groups),
                        groups.stream().map(RollupGroup::value).toArray(String[]::new),
                        day,
                        dirty.stream().map(LocalDate::toString).toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    /**
     * Per value of the grouping, of the filter's incidents: those opened and closed in the period, open at its end,
     * and open at its start; with, under the key null, the incidents of no value when the filter is on nothing. Only
     * the values with an incident open at the start or opened in the period; nothing when the filter is on another
     * grouping or the roll-ups cannot give them.
     */
    Optional<Map<@Nullable String, long[]>> perValue(MetricsFilter filter, String grouping) {
        Optional<Reach> reach = reach(filter, grouping);
        Optional<SortedSet<LocalDate>> dirty =
                reach.isEmpty() ? Optional.empty() : dirtyDays(filter.zone(), null, filter.end());
        if (reach.isEmpty() || dirty.isEmpty()) {
            return Optional.empty();
        }
        boolean all = reach.get().all();
        Map<RollupGroup, long[]> sums = new HashMap<>();
        jdbc.sql("select grouping, value, coalesce(sum(opened) filter (where day >= ?), 0) as opened, "
                        + "coalesce(sum(closed) filter (where day >= ?), 0) as closed, sum(opened - closed) as open, "
                        + "coalesce(sum(opened - closed) filter (where day < ?), 0) as before from reporting_day "
                        + "where day <= ? and not (day = any(?::date[])) and ((grouping = ? and (? or value = any(?))) "
                        + "or (grouping = 'all' and ?)) group by grouping, value")
                .params(
                        filter.from(),
                        filter.from(),
                        filter.from(),
                        filter.to(),
                        dirty.get().stream().map(LocalDate::toString).toArray(String[]::new),
                        grouping,
                        all,
                        reach.get().groups().stream().map(RollupGroup::value).toArray(String[]::new),
                        all)
                .query(row -> {
                    sums.put(new RollupGroup(row.getString("grouping"), row.getString("value")), new long[] {
                        row.getLong("opened"), row.getLong("closed"), row.getLong("open"), row.getLong("before")
                    });
                });
        addComputed(filter, reach.get(), dirty.get(), sums);
        return Optional.of(withoutValue(sums, all));
    }

    /** Adds the dirty days up to the period's end, counted from the incidents, to the sums per group. */
    private void addComputed(
            MetricsFilter filter, Reach reach, SortedSet<LocalDate> dirty, Map<RollupGroup, long[]> sums) {
        computed(dirty.headSet(filter.to().plusDays(1)), filter.zone()).forEach((day, groups) -> {
            groups.forEach((group, figures) -> {
                if (reach.wants(group)) {
                    long[] into = sums.computeIfAbsent(group, g -> new long[4]);
                    boolean in = !day.isBefore(filter.from());
                    into[0] += in ? figures.opened : 0;
                    into[1] += in ? figures.closed : 0;
                    into[2] += figures.opened - figures.closed;
                    into[3] += in ? 0 : figures.opened - figures.closed;
                }
            });
        });
    }

    /**
     * The sums by value, and those of the incidents without one when all were counted ({@link RollupGroup#none}).
     */
    private static Map<@Nullable String, long[]> withoutValue(Map<RollupGroup, long[]> sums, boolean all) {
        Map<@Nullable String, long[]> values = new HashMap<>();
        sums.forEach((group, counts) -> {
            if (!group.equals(RollupGroup.ALL) && !group.isNoneOfSeveral()) {
                values.put(group.value(), counts);
            }
        });
        if (all) {
            values.put(null, RollupGroup.none(sums, 4));
        }
        values.values().removeIf(counts -> counts[3] + counts[0] == 0);
        return values;
    }

    /** The grouping of a filter's groups (they share one; a legal entity without business units has none). */
    private static String groupingOf(List<RollupGroup> groups) {
        return groups.isEmpty() ? RollupGroup.ALL.grouping() : groups.get(0).grouping();
    }

    /**
     * What one read-only transaction has learnt of the roll-ups: whether they are current, and the dirty days it
     * counted from the incidents. A dashboard reads the same dirty days (today's, at least) for each of its panels,
     * in one snapshot, so they are counted once.
     */
    private static final class Snapshot {
        @Nullable
        Boolean current;

        final Map<LocalDate, Map<RollupGroup, DayFigures>> days = new HashMap<>();
        final java.util.Set<LocalDate> counted = new java.util.HashSet<>();
    }

    /** This read-only transaction's snapshot, or a new one for a single use outside such a transaction. */
    private Snapshot snapshot() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return new Snapshot();
        }
        Snapshot bound = (Snapshot) TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return bound;
        }
        Snapshot snapshot = new Snapshot();
        TransactionSynchronizationManager.bindResource(this, snapshot);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(Rollups.this);
            }
        });
        return snapshot;
    }

    private boolean current(ZoneId zone) {
        Snapshot snapshot = snapshot();
        if (snapshot.current == null) {
            snapshot.current = facts.storedAreCurrent(zone);
        }
        return snapshot.current;
    }

    /** The dirty days' figures, counted from the incidents once per snapshot. */
    private Map<LocalDate, Map<RollupGroup, DayFigures>> computed(SortedSet<LocalDate> days, ZoneId zone) {
        Snapshot snapshot = snapshot();
        SortedSet<LocalDate> missing = new TreeSet<>(days);
        missing.removeAll(snapshot.counted);
        snapshot.days.putAll(facts.compute(missing, zone));
        snapshot.counted.addAll(missing);
        Map<LocalDate, Map<RollupGroup, DayFigures>> wanted = new HashMap<>();
        days.forEach(day -> wanted.put(day, snapshot.days.getOrDefault(day, Map.of())));
        return wanted;
    }
}
