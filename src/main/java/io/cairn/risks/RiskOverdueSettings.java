package io.cairn.risks;

import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * RISK-2: when a risk counts as overdue and how often its owner is reminded ({@code cairn.risks.overdue.*}).
 *
 * @param zone the zone whose calendar says what day it is: a risk is overdue from the day after its target there
 * @param remindEvery how long after a reminder the next one is sent while the risk stays overdue; a week by default
 * @param scannerEnabled whether this node looks for overdue risks on its own
 */
@ConfigurationProperties("cairn.risks.overdue")
record RiskOverdueSettings(
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("P7D") Period remindEvery,
        @DefaultValue("true") boolean scannerEnabled) {

    RiskOverdueSettings {
        if (remindEvery.isNegative() || remindEvery.isZero()) {
            throw new IllegalArgumentException("cairn.risks.overdue.remind-every: must be at least a day");
        }
    }
}
