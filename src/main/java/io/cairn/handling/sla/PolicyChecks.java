package io.cairn.handling.sla;

import io.cairn.incidents.Status;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The checks of an SLA policy an admin wrote: targets as durations, the resolution no shorter than the response, a
 * warning percentage from 1 to 99, an existing calendar and escalation level, and pause statuses of an open incident.
 */
@Component
class PolicyChecks {

    private final SlaCalendars calendars;
    private final EscalationLevels levels;
    private final SlaSettings settings;

    PolicyChecks(SlaCalendars calendars, EscalationLevels levels, SlaSettings settings) {
        this.calendars = calendars;
        this.levels = levels;
        this.settings = settings;
    }

    /** The policy the definition describes for this priority level, or its first problem. */
    Outcome<SlaPolicy> policyOf(int level, SlaPolicyDefinition definition) {
        Outcome<Duration> response = SlaDurations.parse("responseTarget", definition.responseTarget());
        Outcome<Duration> resolution = SlaDurations.parse("resolutionTarget", definition.resolutionTarget());
        if (response instanceof Outcome.Refused<Duration> refused) {
            return Outcome.refused(refused.refusal());
        }
        if (resolution instanceof Outcome.Refused<Duration> refused) {
            return Outcome.refused(refused.refusal());
        }
        Duration responseTarget = ((Outcome.Done<Duration>) response).value();
        Duration resolutionTarget = ((Outcome.Done<Duration>) resolution).value();
        if (resolutionTarget.compareTo(responseTarget) < 0) {
            return Outcome.refused(Refusal.invalid("resolutionTarget", SlaRefusals.RESOLUTION_BEFORE_RESPONSE));
        }
        int warning =
                definition.warningPercent() == null ? settings.defaultWarningPercent() : definition.warningPercent();
        Optional<Refusal> refusal = settingsProblem(warning, definition);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return pauseStatuses(definition)
                .map(pause -> new SlaPolicy(
                        level,
                        responseTarget,
                        resolutionTarget,
                        definition.calendar(),
                        pause,
                        warning,
                        definition.escalationLevel(),
                        0));
    }

    private Optional<Refusal> settingsProblem(int warning, SlaPolicyDefinition definition) {
        if (warning < 1 || warning > 99) {
            return Optional.of(Refusal.invalid("warningPercent", SharedRefusals.OUT_OF_RANGE, "1", "99"));
        }
        if (definition.calendar() != null
                && calendars.find(definition.calendar()).isEmpty()) {
            return Optional.of(Refusal.invalid(
                    "calendar",
                    SlaRefusals.CALENDAR_DOES_NOT_EXIST,
                    definition.calendar().toString()));
        }
        if (definition.escalationLevel() != null
                && levels.find(definition.escalationLevel()).isEmpty()) {
            return Optional.of(Refusal.invalid(
                    "escalationLevel",
                    SlaRefusals.LEVEL_DOES_NOT_EXIST,
                    definition.escalationLevel().toString()));
        }
        return Optional.empty();
    }

    private static Outcome<Set<Status>> pauseStatuses(SlaPolicyDefinition definition) {
        Set<Status> pause = EnumSet.noneOf(Status.class);
        List<String> given = definition.pauseStatuses() == null ? List.of() : definition.pauseStatuses();
        for (int i = 0; i < given.size(); i++) {
            Status status;
            try {
                status = Status.fromCode(String.valueOf(given.get(i)));
            } catch (IllegalArgumentException e) {
                return Outcome.refused(Refusal.invalid(
                        "pauseStatuses[" + i + "]",
                        SharedRefusals.GIVEN_TEXT,
                        Objects.requireNonNullElse(e.getMessage(), "is not a status")));
            }
            if (status.isFinal() || status == Status.REVIEW) {
                return Outcome.refused(Refusal.invalid(
                        "pauseStatuses[" + i + "]", SlaRefusals.STOPS_THE_CLOCKS_ANYWAY, status.code()));
            }
            pause.add(status);
        }
        return Outcome.done(pause);
    }
}
