package io.cairn.reporting;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Settings of reporting ({@code cairn.reporting.*}).
 *
 * @param zone the time zone whose days, weeks, months, quarters and years the metrics are counted in
 * @param forecastWeeks how many weeks ahead the forecasts look
 * @param forecastInterval how often the forecasts are fitted again (and the last week checked for anomalies)
 * @param maturityWindow how far back the maturity view's indicators look
 * @param maturityModel the maturity model's JSON file
 */
@ConfigurationProperties("cairn.reporting")
record ReportingSettings(
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("8") int forecastWeeks,
        @DefaultValue("PT6H") Duration forecastInterval,
        @DefaultValue("P12M") Period maturityWindow,

        @DefaultValue("classpath:reporting/maturity-model.json")
        Resource maturityModel) {}
