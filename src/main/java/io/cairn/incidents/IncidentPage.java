package io.cairn.incidents;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the incident list.
 *
 * @param total how many incidents match, counted up to a cap (10,000; 1,000 with free text)
 * @param totalIsExact false when the count stopped at the cap
 * @param nextCursor the cursor of the next page, absent on the last page
 */
record IncidentPage(
        List<IncidentSummary> items,
        int page,
        int size,
        long total,
        boolean totalIsExact,
        @Nullable String nextCursor) {}
