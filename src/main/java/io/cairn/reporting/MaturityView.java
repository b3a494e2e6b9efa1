package io.cairn.reporting;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The maturity view: the level the organisation demonstrably meets (0 until every level-1 practice is shown), for each
 * level and each domain the practices with what shows them, and what is missing for the next level.
 *
 * @param from the first day of the window the indicators count over
 * @param to the last day of that window (today)
 * @param level the highest level whose practices, and those of every level below it, are all shown
 * @param nextLevel the level after it, null at level 5
 * @param missing the practices of the next level not yet shown
 */
public record MaturityView(
        LocalDate from,
        LocalDate to,
        int level,
        @Nullable Integer nextLevel,
        List<LevelView> levels,
        List<DomainView> domains,
        List<PracticeView> missing) {

    public MaturityView {
        levels = List.copyOf(levels);
        domains = List.copyOf(domains);
        missing = List.copyOf(missing);
    }

    /** A level, whether all its practices are shown, and its practices. */
    public record LevelView(int level, boolean met, List<PracticeView> practices) {

        public LevelView {
            practices = List.copyOf(practices);
        }
    }

    /**
     * A domain, the highest level its own practices show (each of its practices up to that level shown; 0 when its
     * first is not), and how many of its practices are shown.
     */
    public record DomainView(String domain, int level, int shown, int practices) {}

    /**
     * A practice and what shows it: an indicator's value against its target, or an admin's record.
     *
     * @param shownBy {@code indicator} or {@code record}
     * @param comparison {@code at-least} or {@code at-most}, with an indicator
     * @param metric the metric that shows the indicator in detail, when one does
     * @param record the admin's record of a recorded practice, if any (an expired one shows nothing)
     */
    public record PracticeView(
            String key,
            int level,
            String domain,
            String shownBy,
            @Nullable String indicator,
            MaturityIndicator.@Nullable Unit unit,
            @Nullable Double value,
            @Nullable String comparison,
            @Nullable Double target,
            @Nullable String metric,
            @Nullable MaturityRecord record,
            boolean met) {}
}
