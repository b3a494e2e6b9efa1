package io.cairn.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.incidents.DetectionSource;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.Severity;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The roll-ups give exactly the numbers the incidents give: random incidents (with SLA clocks, reviews, merged
 * duplicates, missing and out-of-order times, microseconds) over two years in a zone with daylight saving time, every
 * metric the roll-ups serve for random filters and periods of every granularity, read once through the roll-ups and
 * once from the incidents, when every day is built, when changes have left days dirty, and when those are rebuilt.
 * The builder does not run by itself here (its interval is an hour); the test builds.
 */
@TestPropertySource(properties = {"cairn.reporting.zone=Europe/Amsterdam", "cairn.reporting.rollup-interval=PT1H"})
class RollupsEqualTheIncidentsTest extends ApiClient.OnServer {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Instant FIRST = Instant.parse("2011-01-01T00:00:00Z");
    private static final long TWO_YEARS = Duration.ofDays(730).toSeconds();
    private static final String[][] CATEGORIES = {
        {"other", "undetermined"},
        {"malicious-code", "ransomware"},
        {"malicious-code", "spyware"},
        {"fraud", "phishing"}
    };

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DayFacts facts;

    @Autowired
    Rollups rollups;

    @Autowired
    RollupBuilder builder;

    @Autowired
    RollupStore store;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    java.time.Clock clock;

    @Autowired
    ReportingSettings settings;

    final Random random = new Random(20261204L);
    final List<UUID> written = new ArrayList<>();
    final List<BusinessUnitId> units = new ArrayList<>();
    final List<TeamId> teams = new ArrayList<>();
    final UUID entity = UUID.randomUUID();
    /** Assets and services the incidents name (neither table is read by the figures but for names). */
    final List<UUID> assets = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    final List<UUID> services = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    List<String> rootCauses = List.of();
    long rowsWithFigures;

    @BeforeEach
    void unitsAndTeams() {
        String run = Long.toString(System.nanoTime(), 36);
        for (int n = 0; n < 3; n++) {
            units.add(users.businessUnit("rollup-unit-" + n + "-" + run));
            teams.add(users.team("rollup-team-" + n + "-" + run));
        }
        jdbc.sql("update business_unit set legal_entity = ? where id = any(?)")
                .params(entity, new UUID[] {units.get(0).value(), units.get(1).value()})
                .update();
        rootCauses = jdbc.sql("select key from root_cause order by position")
                .query(String.class)
                .list();
    }

    @Test
    void everyMetricTheRollupsServeEqualsTheIncidentsBuiltDirtyAndRebuilt() {
        for (int n = 0; n < 700; n++) {
            incident();
        }
        builder.buildWithin(Duration.ofMinutes(5));
        assertThat(jdbc.sql("select count(*) from reporting_dirty")
                        .query(Long.class)
                        .single())
                .isZero();
        compareMany("built");

        change(8, false);
        assertThat(jdbc.sql("select count(*) from reporting_dirty")
                        .query(Long.class)
                        .single())
                .isPositive();
        compareMany("dirty");

        change(3, true);
        compareMany("reviews changed");

        builder.buildWithin(Duration.ofMinutes(5));
        compareMany("rebuilt");
        assertThat(rowsWithFigures).as("rows compared that count something").isGreaterThan(2000);
    }

    @Test
    void aFilterOnTwoThingsHasNoGroupAndIsCountedFromTheIncidents() {
        builder.buildWithin(Duration.ofMinutes(1));
        MetricsFilter two = filter(Granularity.MONTH, units.get(0), teams.get(0), null, null, null, null);
        assertThat(rollups.read(two, false)).isEmpty();
        assertThat(rollups.read(filter(Granularity.MONTH, units.get(0), null, null, null, null, null), true))
                .isPresent();
        assertThat(rollups.perValue(filter(Granularity.MONTH, null, null, null, null, null, null), "team"))
                .isPresent();
        assertThat(rollups.perValue(filter(Granularity.MONTH, null, teams.get(1), null, null, null, null), "team"))
                .isPresent();
        assertThat(rollups.perValue(filter(Granularity.MONTH, units.get(0), null, null, null, null, null), "team"))
                .isEmpty();
    }

    @Test
    void theMaturityFiguresAsTheyStandNowEqualTheIncidents() {
        Instant now = clock.instant();
        for (int n = 0; n < 500; n++) {
            incident(
                    now.minus(Duration.ofDays(420)),
                    Duration.ofDays(420).minusMinutes(5).toSeconds());
        }
        builder.buildWithin(Duration.ofMinutes(5));
        compareMaturity("built");
        change(8, false);
        compareMaturity("dirty");
        builder.buildWithin(Duration.ofMinutes(5));
        compareMaturity("rebuilt");
    }

    private void compareMaturity(String when) {
        Instant end = clock.instant();
        MaturityFigures.Computed fromRollups =
                new MaturityFigures(jdbc, settings, facts.window(), clock, rollups).compute(end);
        MaturityFigures.Computed fromIncidents =
                new MaturityFigures(jdbc, settings, facts.window(), clock, none()).compute(end);
        assertThat(fromRollups.values()).as(when).isEqualTo(fromIncidents.values());
        assertThat(fromRollups.values().get(MaturityIndicator.INCIDENTS_LOGGED))
                .as(when)
                .isGreaterThan(300);
        assertThat(rollups.read(
                        new MetricsFilter(
                                LocalDate.now(clock.withZone(ZONE)).minusMonths(6),
                                LocalDate.now(clock.withZone(ZONE)).minusDays(2),
                                Granularity.YEAR,
                                ZONE,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        false))
                .as(when)
                .isPresent();
    }

    private Rollups none() {
        return new Rollups(jdbc, facts, store) {
            @Override
            Optional<Days> read(MetricsFilter filter, boolean withBacklog) {
                return Optional.empty();
            }

            @Override
            Optional<Long> breachedRunningBefore(MetricsFilter filter, LocalDate day) {
                return Optional.empty();
            }

            @Override
            Optional<Map<@Nullable String, long[]>> perValue(MetricsFilter filter, String grouping) {
                return Optional.empty();
            }

            @Override
            Optional<Map<RollupGroup, List<DayFigures>>> byGroup(MetricsFilter filter, String grouping) {
                return Optional.empty();
            }
        };
    }

    private void compareMany(String when) {
        Rollups none = none();
        for (int n = 0; n < 40; n++) {
            Granularity period = Granularity.values()[random.nextInt(Granularity.values().length)];
            MetricsFilter filter = randomFilter(period);
            if (!when.equals("reviews changed")) {
                assertThat(rollups.read(filter, false))
                        .as("%s: %s is rolled up", when, filter)
                        .isPresent();
            }
            compare(when, filter, rolled -> new VolumeMetrics(jdbc, rolled).volume(filter), none);
            compare(when, filter, rolled -> new DurationMetrics(jdbc, rolled).durations(filter), none);
            compare(when, filter, rolled -> new SeriousnessMetrics(jdbc, rolled).seriousness(filter), none);
            compare(when, filter, rolled -> new ImpactMetrics(jdbc, rolled).impact(filter), none);
            compare(when, filter, rolled -> new CostMetrics(jdbc, rolled).costs(filter), none);
            compare(when, filter, rolled -> new DetectionMetrics(jdbc, rolled).detection(filter), none);
            compare(
                    when,
                    filter,
                    rolled -> new RecurrenceMetrics(jdbc, rolled, facts.window(), clock).recurrence(filter),
                    none);
            compare(
                    when,
                    filter,
                    rolled -> new RecurrenceMetrics(jdbc, rolled, facts.window(), clock).rootCauses(filter),
                    none);
            MetricsFilter untilToday = new MetricsFilter(
                    filter.from(),
                    LocalDate.now(clock.withZone(ZONE)),
                    filter.period(),
                    ZONE,
                    filter.businessUnit(),
                    filter.legalEntity(),
                    filter.team(),
                    filter.categoryClass(),
                    filter.categoryType(),
                    filter.priority(),
                    filter.severity(),
                    filter.detectionSource());
            for (Dimension by : List.of(
                    Dimension.BUSINESS_UNIT,
                    Dimension.TEAM,
                    Dimension.CATEGORY,
                    Dimension.PRIORITY,
                    Dimension.SEVERITY,
                    Dimension.DETECTION_SOURCE,
                    Dimension.LEGAL_ENTITY,
                    Dimension.ASSET,
                    Dimension.SERVICE,
                    Dimension.VERIS_ACTOR,
                    Dimension.VERIS_ACTION,
                    Dimension.VERIS_ASSET)) {
                compare(
                        when,
                        filter,
                        rolled -> new BreakdownMetrics(jdbc, incidents, rolled).breakdown(filter, by),
                        none);
                compare(when, filter, rolled -> new SlaMetrics(jdbc, incidents, rolled).sla(filter, by), none);
            }
            for (MetricsFilter overdue : List.of(filter, untilToday)) {
                compare(
                        when,
                        overdue,
                        rolled -> new BacklogMetrics(jdbc, incidents, clock, rolled).overdue(overdue),
                        none);
            }
            compare(
                    when,
                    filter,
                    rolled -> new SlaMetrics(jdbc, incidents, rolled).sla(filter, Dimension.PRIORITY),
                    none);
        }
    }

    private void compare(String when, MetricsFilter filter, Function<Rollups, MetricTable> metric, Rollups none) {
        MetricTable fromIncidents = metric.apply(none);
        MetricTable fromRollups = metric.apply(rollups);
        assertThat(fromRollups.rows())
                .as("%s %s: %s", when, fromIncidents.metric(), filter)
                .isEqualTo(fromIncidents.rows());
        rowsWithFigures += fromRollups.rows().stream()
                .filter(row -> row.values().stream()
                        .anyMatch(value -> value instanceof Number number && number.doubleValue() != 0))
                .count();
    }

    private MetricsFilter randomFilter(Granularity period) {
        LocalDate from = LocalDate.of(2010, 12, 1).plusDays(random.nextInt(760));
        int longest = period == Granularity.DAY ? 60 : 800;
        LocalDate to = from.plusDays(random.nextInt(longest));
        int which = random.nextInt(9);
        return new MetricsFilter(
                from,
                to,
                period,
                ZONE,
                which == 1 ? pick(units) : null,
                which == 2 ? entity : null,
                which == 3 ? pick(teams) : null,
                which == 4 || which == 5 ? CATEGORIES[1][0] : null,
                which == 5 ? CATEGORIES[1][1] : null,
                which == 6 ? 1 + random.nextInt(4) : null,
                which == 7 ? Severity.values()[random.nextInt(Severity.values().length)] : null,
                which == 8 ? DetectionSource.values()[random.nextInt(DetectionSource.values().length)] : null);
    }

    private MetricsFilter filter(
            Granularity period,
            @Nullable BusinessUnitId unit,
            @Nullable TeamId team,
            @Nullable String categoryClass,
            @Nullable Integer priority,
            @Nullable Severity severity,
            @Nullable DetectionSource source) {
        return new MetricsFilter(
                LocalDate.of(2011, 1, 1),
                LocalDate.of(2012, 12, 31),
                period,
                ZONE,
                unit,
                null,
                team,
                categoryClass,
                null,
                priority,
                severity,
                source);
    }

    private void incident() {
        incident(FIRST, TWO_YEARS);
    }

    /** An incident reported in the span of seconds after the first instant, none of its times after now. */
    private void incident(Instant first, long span) {
        UUID id = UUID.randomUUID();
        Instant reported = first.plusSeconds(random.nextLong(span)).plusNanos(random.nextInt(1_000_000) * 1000L);
        Instant occurred = maybe(0.8, reported.minusSeconds(random.nextInt(300_000)));
        Instant detected = maybe(0.8, reported.minusSeconds(random.nextInt(200_000) - 20_000));
        String status = List.of("NEW", "TRIAGE", "IN_PROGRESS", "CLOSED", "CLOSED", "DISMISSED")
                .get(random.nextInt(6));
        Instant closed =
                status.equals("CLOSED") || status.equals("DISMISSED") ? maybe(0.95, later(reported, 5_000_000)) : null;
        String[] category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        jdbc.sql("""
                insert into incident (id, number, title, description, category_class, category_type, determination,
                  severity, impact, urgency, priority, tlp, pap, confidential, status, business_unit_id, team_id,
                  detection_source, occurred_at, detected_at, reported_at, acknowledged_at, responded_at, contained_at,
                  eradicated_at, recovered_at, closed_at, updated_at, version, merged_into, asset_id)
                values (?, nextval('incident_number_seq'), 'Roll-up', 'random', ?, ?, 'CONFIRMED', ?, 2, 2, ?,
                  'AMBER', 'AMBER', false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), 0, ?, ?)""")
                .params(
                        id,
                        category[0],
                        category[1],
                        Severity.values()[random.nextInt(Severity.values().length)].name(),
                        1 + random.nextInt(5),
                        status,
                        random.nextInt(5) == 0 ? null : pick(units).value(),
                        random.nextInt(5) == 0 ? null : pick(teams).value(),
                        random.nextInt(6) == 0
                                ? null
                                : DetectionSource.values()[random.nextInt(DetectionSource.values().length)].name(),
                        at(occurred),
                        at(detected),
                        at(reported),
                        at(maybe(0.8, later(reported, 200_000))),
                        at(maybe(0.7, later(reported, 400_000))),
                        at(maybe(0.5, later(reported, 900_000))),
                        at(maybe(0.45, later(reported, 1_500_000))),
                        at(maybe(0.4, later(reported, 2_000_000))),
                        at(closed),
                        written.isEmpty() || random.nextInt(20) > 0 ? null : pick(written),
                        random.nextInt(2) == 0 ? null : pick(assets))
                .update();
        written.add(id);
        describe(id);
        clock(id, "response", reported);
        clock(id, "resolution", reported);
        if (random.nextInt(3) == 0) {
            review(id);
        }
        if (random.nextInt(4) == 0) {
            decision(id);
        }
    }

    /** Names none to two of the services and describes the incident with random VERIS categories, or none. */
    private void describe(UUID incident) {
        jdbc.sql("delete from incident_service where incident_id = ?")
                .param(incident)
                .update();
        jdbc.sql("delete from incident_veris_category where incident_id = ?")
                .param(incident)
                .update();
        for (UUID service : services) {
            if (random.nextInt(3) == 0) {
                jdbc.sql("insert into incident_service (incident_id, service_id) values (?, ?)")
                        .params(incident, service)
                        .update();
            }
        }
        for (String categorised : List.of(
                "actor:external",
                "actor:internal",
                "action:hacking",
                "action:malware",
                "action:error",
                "asset:server")) {
            if (random.nextInt(3) == 0) {
                String[] parts = categorised.split(":");
                jdbc.sql("insert into incident_veris_category (incident_id, part, category) values (?, ?, ?)")
                        .params(incident, parts[0], parts[1])
                        .update();
            }
        }
    }

    private void clock(UUID incident, String kind, Instant reported) {
        if (random.nextInt(6) == 0) {
            return;
        }
        String state = List.of("running", "paused", "met").get(random.nextInt(3));
        jdbc.sql("""
                insert into sla_clock (incident_id, kind, priority_level, target_ms, warn_ms, state, consumed_us,
                  started_at, due_at, warned_at, breached_at, met_at)
                values (?, ?, 2, 3600000, 2700000, ?, 0, ?, ?, ?, ?, ?)""")
                .params(
                        incident,
                        kind,
                        state,
                        at(reported),
                        at(reported.plusSeconds(3600)),
                        at(maybe(0.4, later(reported, 3000))),
                        // some breached long after any time of any incident (a clock left running for two years)
                        at(maybe(0.3, later(reported, random.nextInt(10) == 0 ? 63_000_000 : 9000))),
                        state.equals("met") ? at(later(reported, 10_000)) : null)
                .update();
    }

    /** An amount as the decisions record it, some of them zero, some estimated. */
    private String amount() {
        return "{\"value\": " + (random.nextInt(8) == 0 ? "0" : random.nextInt(500_000) + "." + random.nextInt(100))
                + ", \"estimate\": " + random.nextBoolean() + ", \"basis\": \"b\"}";
    }

    /** Some of the cost lines by category (their sum need not be the total: the figures read each as recorded). */
    private String lines() {
        StringBuilder lines = new StringBuilder();
        for (String category : CostMetrics.CATEGORIES) {
            if (random.nextInt(3) == 0) {
                lines.append(", \"cost-").append(category).append("-eur\": ").append(amount());
            }
        }
        return lines.toString();
    }

    /** A new version of a DORA classification or NIS2 assessment, with or without costs and cost lines. */
    private void decision(UUID incident) {
        boolean dora = random.nextBoolean();
        String amount = random.nextInt(5) == 0
                ? "{}"
                : "{\"" + (dora ? "economic-impact-eur" : "direct-loss-eur") + "\": " + amount()
                        + (dora && random.nextBoolean() ? lines() : "") + "}";
        jdbc.sql("""
                insert into compliance_decision (incident_id, kind, version, inputs, criteria, result, rationale,
                  established_at, decided_by, decided_by_name, decided_at)
                select ?, ?, coalesce(max(version), 0) + 1, ?::jsonb, '[]', 'not-major', 'random', now(),
                  gen_random_uuid(), 'test', now() from compliance_decision where incident_id = ? and kind = ?""")
                .params(
                        incident,
                        dora ? "dora-major" : "nis2-significant",
                        amount,
                        incident,
                        dora ? "dora-major" : "nis2-significant")
                .update();
    }

    private void review(UUID incident) {
        boolean completed = random.nextInt(4) > 0;
        jdbc.sql("""
                insert into incident_review (incident_id, incident_reference, incident_title, incident_reported_at,
                  root_cause, status, completed_at, completed_by, created_at, updated_at, version)
                select id, 'INC-' || number, title, reported_at, ?, ?, now(), 'test', now(), now(), 0
                from incident where id = ?""")
                .params(random.nextInt(5) == 0 ? null : pick(rootCauses), completed ? "completed" : "draft", incident)
                .update();
        if (completed && random.nextInt(3) == 0) {
            jdbc.sql("""
                    insert into corrective_action (id, incident_id, title, owner_id, due_on, status, done_at,
                      created_at, version)
                    select gen_random_uuid(), incident_id, 'Act', gen_random_uuid(), current_date, 'done',
                      incident_reported_at + make_interval(days => ?), now(), 0
                    from incident_review where incident_id = ?""").params(random.nextInt(90), incident).update();
        }
    }

    /**
     * Changes some incidents the way handling and compliance do: closes, reopens, re-prioritises, meets clocks, records
     * a decision anew; or completes reviews.
     */
    private void change(int how, boolean reviews) {
        for (int n = 0; n < how; n++) {
            UUID id = pick(written);
            switch (reviews ? 7 : random.nextInt(7)) {
                case 0 ->
                    // closed as handling closes, eradicated on the way if it was not: never after now
                    jdbc.sql("update incident set status = 'CLOSED', closed_at = least(reported_at + "
                                    + "make_interval(secs => ?), now() - interval '1 minute'), eradicated_at = "
                                    + "coalesce(eradicated_at, least(reported_at + make_interval(secs => ?), now() - "
                                    + "interval '1 minute')) where id = ?")
                            .params(random.nextInt(3_000_000), random.nextInt(2_000_000), id)
                            .update();
                case 1 ->
                    jdbc.sql("update incident set status = 'IN_PROGRESS', closed_at = null where id = ?")
                            .param(id)
                            .update();
                case 2 ->
                    jdbc.sql("update incident set priority = ?, team_id = ? where id = ?")
                            .params(1 + random.nextInt(5), pick(teams).value(), id)
                            .update();
                case 3 ->
                    jdbc.sql("update sla_clock set state = 'met', breached_at = null, warned_at = started_at "
                                    + "where incident_id = ?")
                            .param(id)
                            .update();
                case 4 -> decision(id);
                case 5 -> describe(id);
                case 6 ->
                    jdbc.sql("update incident set asset_id = ? where id = ?")
                            .params(random.nextInt(3) == 0 ? null : pick(assets), id)
                            .update();
                default ->
                    jdbc.sql("update incident_review set status = 'completed', root_cause = ? "
                                    + "where incident_id = ?")
                            .params(pick(rootCauses), id)
                            .update();
            }
        }
    }

    private Instant later(Instant from, int mostSeconds) {
        Instant later = from.plusSeconds(random.nextInt(mostSeconds)).plusNanos(random.nextInt(1_000_000) * 1000L);
        Instant now = clock.instant().minusSeconds(60);
        return later.isAfter(now) ? now : later;
    }

    private @Nullable Instant maybe(double chance, Instant instant) {
        return random.nextDouble() < chance ? instant : null;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static @Nullable Timestamp at(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
