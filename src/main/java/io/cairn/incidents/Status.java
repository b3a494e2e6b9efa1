package io.cairn.incidents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.Refusal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where an incident is in its lifecycle: the phases of NIST SP 800-61 r2, plus triage, review and the two ends.
 *
 * <p>Each phase leads to the next; triage may also end in dismissal, and a closed incident may be reopened into
 * analysis.
 */
public enum Status {
    NEW,
    TRIAGE,
    ANALYSIS,
    CONTAINMENT,
    ERADICATION,
    RECOVERY,
    REVIEW,
    CLOSED,
    DISMISSED;

    /** The statuses this one may move to. */
    public Set<Status> next() {
        return switch (this) {
            case NEW -> EnumSet.of(TRIAGE);
            case TRIAGE -> EnumSet.of(ANALYSIS, DISMISSED);
            case ANALYSIS -> EnumSet.of(CONTAINMENT);
            case CONTAINMENT -> EnumSet.of(ERADICATION);
            case ERADICATION -> EnumSet.of(RECOVERY);
            case RECOVERY -> EnumSet.of(REVIEW);
            case REVIEW -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.of(ANALYSIS);
            case DISMISSED -> EnumSet.noneOf(Status.class);
        };
    }

    /** Whether work on the incident is still going on: neither closed nor dismissed. */
    public boolean isOpen() {
        return this != CLOSED && this != DISMISSED;
    }

    public boolean mayMoveTo(Status target) {
        return next().contains(target);
    }

    /**
     * Why moving from this status to the target needs a reason that was not given, if it does: dismissing needs one
     * the reporter will read, closing a resolution, reopening a reason.
     */
    Optional<Refusal> missingReason(Status target, @Nullable String reason) {
        boolean needsReason = target == DISMISSED || target == CLOSED || this == CLOSED;
        if (!needsReason || reason != null && !reason.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Refusal.invalid(
                "reason",
                target == DISMISSED
                        ? IncidentRefusals.DISMISSING_NEEDS_REASON
                        : target == CLOSED
                                ? IncidentRefusals.CLOSING_NEEDS_RESOLUTION
                                : IncidentRefusals.REOPENING_NEEDS_REASON));
    }

    /** True for statuses in which work on the incident has ended. */
    public boolean isFinal() {
        return this == CLOSED || this == DISMISSED;
    }

    /** The status as the API writes it: lower case. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a status in any case. */
    @JsonCreator
    public static Status fromCode(String code) {
        String wanted = code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown status '" + code + "', expected one of "
                        + Arrays.stream(values()).map(Status::code).toList()));
    }
}
