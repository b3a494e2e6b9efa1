package io.cairn.risks;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.UserId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which risks a list shows and in what order, as checked by the register.
 *
 * @param overdueOn only those overdue on this day; none for all
 * @param page the page, from 0
 * @param size the risks per page
 */
record RiskQuery(
        @Nullable RiskStatus status,
        @Nullable String severity,
        @Nullable BusinessUnitId businessUnit,
        @Nullable UserId owner,
        @Nullable LocalDate overdueOn,
        RiskSort.Sorting sort,
        int page,
        int size) {

    RiskQuery {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("a page from 0 of at least one risk");
        }
    }
}
