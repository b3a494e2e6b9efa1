package io.cairn.risks;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.UserId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a risk is, who owns it and how it is treated, as checked by the register.
 *
 * @param businessUnit the business unit it threatens; none for the whole organisation
 * @param mitigationTargetAt the day by which its treatment should be done; none when it has no deadline
 */
record RiskDetails(
        String title,
        String description,
        @Nullable BusinessUnitId businessUnit,
        UserId owner,
        String treatment,
        @Nullable LocalDate mitigationTargetAt) {

    RiskDetails {
        if (title.isBlank()) {
            throw new IllegalArgumentException("a risk needs a title");
        }
    }

    @Override
    public String toString() {
        return title + "|" + description + "|" + businessUnit + "|" + owner + "|" + treatment + "|"
                + mitigationTargetAt;
    }
}
