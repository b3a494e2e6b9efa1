package io.cairn.incidents;

import io.cairn.assets.DeviceId;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Routes a new report before it is stored: gives it a team, and maybe an owner in it, from what it was reported with,
 * so that the incident is stored routed, in the one write that reports it, and is never seen or listed without its
 * team. Another module implements it (the handling module, by its routing rules), so that the incidents module need
 * not know it.
 *
 * <p>Implemented as a Spring bean by the module that owns the rules.
 */
public interface ReportRouting {

    /**
     * What a new report is routed by.
     *
     * @param team the team the reporter or the intake channel chose, if any: routing never replaces it
     * @param asset the registered device it concerns, if named
     * @param template the key of the report template it came through, if any
     */
    record Report(
            Category category,
            @Nullable TeamId team,
            @Nullable BusinessUnitId businessUnit,
            @Nullable DeviceId asset,
            @Nullable String template) {}

    /**
     * Where a report goes.
     *
     * @param owner the owner in the team, when the rule picks one
     * @param rule the name of the rule that routed it, which the timeline keeps
     */
    record Route(TeamId team, @Nullable UserId owner, String rule) {}

    /** The route of the report, if a rule routes it. */
    Optional<Route> route(Report report);

    /**
     * The name of a rule as the reader is shown it, such as the one a timeline kept: a rule the implementing module
     * ships is named in the reader's language while it keeps its shipped name; any other rule as it is named.
     */
    default String nameShown(String rule) {
        return rule;
    }
}
