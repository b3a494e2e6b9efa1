package io.cairn.handling.sla;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An SLA policy as an admin writes it, for the priority named in the path.
 *
 * @param responseTarget working time until someone responds: ISO 8601 ({@code PT4H}) or a short form such as
 *     {@code 4h}, {@code 90m}, {@code 1h30m}
 * @param resolutionTarget working time until the incident is resolved, in the same forms
 * @param calendar the calendar the targets are counted on; empty for around the clock
 * @param pauseStatuses incident statuses in which the clocks pause, such as {@code triage}
 * @param warningPercent after which share of a target a warning goes out, 1 to 99; 75 when empty
 * @param escalationLevel where an unacknowledged breach escalates first; empty for nowhere
 * @param version the version the admin saw; empty to create or overwrite
 */
public record SlaPolicyDefinition(
        @Nullable String responseTarget,
        @Nullable String resolutionTarget,
        @Nullable SlaCalendarId calendar,
        @Nullable List<String> pauseStatuses,
        @Nullable Integer warningPercent,
        @Nullable EscalationLevelId escalationLevel,
        @Nullable Long version) {}
