package io.cairn.isms.controls;

import org.jspecify.annotations.Nullable;

/**
 * The evidence an auditor asks for, as given (checked by {@link EvidenceQuery}).
 *
 * @param control an Annex A control's number, such as {@code 5.18} or {@code A.5.18}
 * @param from the period's first day, such as {@code 2026-07-01}
 * @param to the period's last day
 * @param procedureType the id of one procedure type; empty for every type
 * @param withinWorkingDays the working days within which each run should be completed, such as {@code 1}; empty for
 *     none asked
 * @param calendar the id or name of the SLA calendar whose working days count
 */
public record EvidenceAsked(
        @Nullable String control,
        @Nullable String from,
        @Nullable String to,
        @Nullable String procedureType,
        @Nullable String withinWorkingDays,
        @Nullable String calendar) {

    /** The evidence asked without a target of working days. */
    public EvidenceAsked(
            @Nullable String control, @Nullable String from, @Nullable String to, @Nullable String procedureType) {
        this(control, from, to, procedureType, null, null);
    }
}
