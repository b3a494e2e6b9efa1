package io.cairn.reporting;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of reporting ({@code cairn.reporting.*}).
 *
 * @param zone the time zone whose days, weeks, months, quarters and years the metrics are counted in
 * @param forecastWeeks how many weeks ahead the forecasts look
 * @param forecastInterval how often the forecasts are fitted again (and the last week checked for anomalies)
 */
@ConfigurationProperties("cairn.reporting")
record ReportingSettings(
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("8") int forecastWeeks,
        @DefaultValue("PT6H") Duration forecastInterval) {}
