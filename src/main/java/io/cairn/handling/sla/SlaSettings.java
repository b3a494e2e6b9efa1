package io.cairn.handling.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How SLA clocks are watched ({@code cairn.sla.*}).
 *
 * @param scanInterval how long a node waits between two scans for due warnings, breaches and escalations
 * @param scanBatchSize the most clocks one transaction of a scan claims
 * @param scannerEnabled whether this node scans on its own; off on nodes that should not (scans are safe on several)
 * @param defaultWarningPercent the warning share of a policy whose admin did not give one
 */
@ConfigurationProperties("cairn.sla")
record SlaSettings(Duration scanInterval, int scanBatchSize, Boolean scannerEnabled, int defaultWarningPercent) {

    SlaSettings {
        scanInterval = scanInterval == null ? Duration.ofSeconds(30) : scanInterval;
        scanBatchSize = scanBatchSize <= 0 ? 500 : scanBatchSize;
        scannerEnabled = scannerEnabled == null || scannerEnabled;
        defaultWarningPercent = defaultWarningPercent <= 0 || defaultWarningPercent >= 100 ? 75 : defaultWarningPercent;
    }
}
