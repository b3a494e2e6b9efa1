package io.cairn.reporting;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of reporting ({@code cairn.reporting.*}).
 *
 * @param zone the time zone whose days, weeks, months, quarters and years the metrics are counted in
 */
@ConfigurationProperties("cairn.reporting")
record ReportingSettings(@DefaultValue("UTC") ZoneId zone) {}
