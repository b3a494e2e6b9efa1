package io.cairn.reporting;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The last fitted forecast of a series of weekly incident counts.
 *
 * @param dimension {@code category} or {@code business-unit}
 * @param series the category's key or the business unit's id (empty for incidents without one)
 * @param firstWeek the Monday of the history's first week
 * @param history the count of each week from the first, oldest first, through the last complete week
 * @param forecast the weeks ahead: {@code week}, {@code expected}, and the 95 % interval {@code lower}..{@code upper}
 * @param model the fitted smoothing ({@code alpha}, {@code beta}, {@code gamma}), the season's length in weeks (0
 *     without a season) and {@code sigma}, the spread of its one-week-ahead errors
 * @param accuracy the forecast's own record on the last weeks held out ({@code heldOut}, {@code mae}, {@code mape} in
 *     percent, {@code coverage}: the share of those weeks inside the interval); null for a history too short to test
 */
public record ForecastView(
        String dimension,
        String series,
        String label,
        Instant fittedAt,
        LocalDate firstWeek,
        JsonNode history,
        JsonNode forecast,
        JsonNode model,
        @Nullable JsonNode accuracy) {}
