package io.cairn.risks;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * RISK-4: how many risks were open at each severity at the end of each month, as the history of their changes shows,
 * of one business unit or of all.
 *
 * @param severities the severities, lowest first
 * @param months one entry per month, oldest first
 */
public record SeverityTrend(List<String> severities, List<TrendMonth> months) {

    public SeverityTrend {
        severities = List.copyOf(severities);
        months = List.copyOf(months);
    }

    /**
     * The open risks at the end of a month.
     *
     * @param counts the number of open risks per severity; a severity without any is 0
     */
    public record TrendMonth(YearMonth month, Map<String, Long> counts) {

        public TrendMonth {
            counts = Map.copyOf(counts);
        }
    }
}
