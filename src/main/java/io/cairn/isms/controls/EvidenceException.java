package io.cairn.isms.controls;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An exception in the evidence of a control: a run, or a step of it, that does not show the control working.
 *
 * @param reference the run's reference, such as {@code PRC-12}
 * @param step the title of the step at fault; empty when the run itself is
 * @param dueAt when the run or step was due
 * @param at when it ended or was closed; empty while it is open
 * @param note the reason given, or the note of the person who closed it
 * @param by who closed it
 * @param reason the exception in words, in the reader's language
 */
public record EvidenceException(
        ExceptionKind kind,
        String reference,
        String procedure,
        String step,
        @Nullable Instant dueAt,
        @Nullable Instant at,
        String note,
        String by,
        String reason) {

    public EvidenceException {
        step = step == null ? "" : step;
        note = note == null ? "" : note;
        by = by == null ? "" : by;
        reason = reason == null ? "" : reason;
    }

    /** The same exception, told in words. */
    EvidenceException told(String words) {
        return new EvidenceException(kind, reference, procedure, step, dueAt, at, note, by, words);
    }
}
