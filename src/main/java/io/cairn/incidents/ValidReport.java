package io.cairn.incidents;

import io.cairn.assets.DeviceId;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A report that passed every rule, with defaults filled in and the priority looked up. */
record ValidReport(
        String title,
        String description,
        Category category,
        Determination determination,
        Severity severity,
        int impact,
        int urgency,
        int priority,
        Tlp tlp,
        Pap pap,
        boolean confidential,
        @Nullable UserId owner,
        @Nullable TeamId team,
        @Nullable BusinessUnitId businessUnit,
        @Nullable Instant occurredAt,
        @Nullable Instant detectedAt,
        @Nullable DeviceId asset,
        @Nullable String template,
        @Nullable DetectionSource detectionSource,
        @Nullable String detectedBy) {

    /** The report as routing sends it: to the route's team, and to its owner unless the report named one. */
    ValidReport routed(ReportRouting.Route route) {
        return new ValidReport(
                title,
                description,
                category,
                determination,
                severity,
                impact,
                urgency,
                priority,
                tlp,
                pap,
                confidential,
                owner == null ? route.owner() : owner,
                route.team(),
                businessUnit,
                occurredAt,
                detectedAt,
                asset,
                template,
                detectionSource,
                detectedBy);
    }
}
