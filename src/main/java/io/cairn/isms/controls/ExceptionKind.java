package io.cairn.isms.controls;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a run or one of its steps is an exception in the evidence of a control, rather than evidence that it works. */
public enum ExceptionKind {
    /** The run was completed after its due time, or a step was closed after its own. */
    LATE("late"),
    /** The run, or a started step of it, is still open past its due time. */
    MISSED("missed"),
    /** An approval was rejected, which ended the run. */
    REJECTED("rejected"),
    /** The run was cancelled. */
    CANCELLED("cancelled"),
    /** A step was skipped, with the reason given (or none, when the run moved on past it). */
    SKIPPED("skipped"),
    /** An approval was decided by the person who asked for the run; Cairn refuses it, so this shows tampering. */
    DECIDED_BY_REQUESTER("decided-by-requester"),
    /** The run was not completed within the working days the auditor asked for (completed later, or still open). */
    NOT_WITHIN_TARGET("not-within-target");

    private final String code;

    ExceptionKind(String code) {
        this.code = code;
    }

    /** The kind as the API, the CSV and the message keys name it. */
    @JsonValue
    public String code() {
        return code;
    }
}
