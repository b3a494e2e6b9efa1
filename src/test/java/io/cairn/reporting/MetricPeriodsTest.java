package io.cairn.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The period an instant falls in, as the metrics compute it from the periods' first instants ({@link Periods#bucket},
 * {@link Periods#bucketEnd}), is the period PostgreSQL's {@code date_trunc} at the reporting zone gives, with its end
 * cut at the filter's last day: for instants every 37 minutes over a stretch with daylight saving changes, in zones
 * east and west of UTC and one with a half-hour offset, for each granularity, from a first day in the middle of a
 * period. (The expression the metrics used before added {@code '1 quarter'}, which PostgreSQL does not read as an
 * interval: the volume and seriousness metrics failed by quarter; the reference here adds three months.)
 */
class MetricPeriodsTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @CsvSource({
        "Europe/Amsterdam, DAY, 2025-03-27, 2025-04-02",
        "Europe/Amsterdam, WEEK, 2025-03-12, 2025-11-04",
        "America/New_York, MONTH, 2025-02-15, 2025-12-20",
        "Asia/Kolkata, QUARTER, 2024-11-20, 2025-08-10",
        "Australia/Sydney, YEAR, 2024-03-31, 2025-10-06",
        "UTC, MONTH, 2025-01-01, 2025-03-31"
    })
    void theBucketsAreDateTruncAtTheZone(String zone, Granularity period, LocalDate from, LocalDate to) {
        MetricsFilter filter =
                new MetricsFilter(from, to, period, ZoneId.of(zone), null, null, null, null, null, null, null, null);
        String sql = "select count(*) as n, count(*) filter (where bucket is distinct from truncated) as days, "
                + "count(*) filter (where bucket_end is distinct from truncated_end) as ends from (select "
                + Periods.bucket(filter, "g.t") + " as bucket, (date_trunc('" + period.code()
                + "', g.t at time zone ?))::date as truncated, " + Periods.bucketEnd(filter, "g.t")
                + " as bucket_end, least((date_trunc('" + period.code() + "', g.t at time zone ?) + ?::interval) at "
                + "time zone ?, ?) as truncated_end from generate_series(?::timestamptz, ?::timestamptz - interval "
                + "'1 microsecond', interval '37 minutes') g (t)) x";
        List<Object> parameters = new ArrayList<>(Periods.bucketParameters(filter));
        parameters.add(zone);
        parameters.addAll(Periods.bucketEndParameters(filter));
        parameters.addAll(List.of(
                zone,
                period == Granularity.QUARTER ? "3 months" : "1 " + period.code(),
                zone,
                Periods.end(filter),
                Periods.start(filter),
                Periods.end(filter)));

        Map<String, Object> counted = jdbc.sql(sql).params(parameters).query().singleRow();

        assertThat(((Number) counted.get("n")).longValue()).isGreaterThan(100);
        assertThat(((Number) counted.get("days")).longValue()).isZero();
        assertThat(((Number) counted.get("ends")).longValue()).isZero();
    }
}
