package io.cairn.handling.procedures;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A task of an incident as a piece of work that is open, done or skipped: its verbs check the rules of moving between
 * those states and answer the task in its new state, or the refusal. It knows nothing of storage or of who may act;
 * {@link IncidentTasks} loads it, calls a verb and stores the answer.
 *
 * @param mandatory whether the task may not be skipped (nor its phase left, nor the incident closed, while it is open)
 * @param note what the person who completed or skipped it wrote; empty while it is open
 * @param closedBy who completed or skipped it; empty while it is open
 * @param closedAt when it was completed or skipped; empty while it is open
 * @param version the stored version the task was read at
 */
record Task(
        TaskId id,
        String title,
        boolean mandatory,
        TaskState state,
        @Nullable String note,
        @Nullable String closedBy,
        @Nullable Instant closedAt,
        long version) {

    /** The longest note or reason a task keeps. */
    static final int MAX_NOTE = 5000;

    /** The task a stored view shows. */
    static Task of(TaskView view) {
        return new Task(
                view.id(),
                view.title(),
                view.mandatory(),
                view.state(),
                view.note(),
                view.closedBy(),
                view.closedAt(),
                view.version());
    }

    boolean isOpen() {
        return state == TaskState.OPEN;
    }

    /** Completes the open task, with a note if one is written; a blank note is none. */
    Outcome<Task> complete(@Nullable String note, String by, Instant at) {
        if (note != null && note.length() > MAX_NOTE) {
            return Outcome.refused(Refusal.invalid("note", SharedRefusals.TOO_LONG, String.valueOf(MAX_NOTE)));
        }
        if (!isOpen()) {
            return notOpen();
        }
        return Outcome.done(closed(TaskState.DONE, note == null || note.isBlank() ? null : note.trim(), by, at));
    }

    /** Skips the open task, which must be optional, for the reason given. */
    Outcome<Task> skip(@Nullable String reason, String by, Instant at) {
        if (mandatory) {
            return Outcome.refused(Refusal.conflict(ProcedureRefusals.MANDATORY, title));
        }
        if (reason == null || reason.isBlank()) {
            return Outcome.refused(Refusal.invalid("reason", ProcedureRefusals.SKIPPING_NEEDS_REASON));
        }
        if (!isOpen()) {
            return notOpen();
        }
        return Outcome.done(closed(TaskState.SKIPPED, reason.trim(), by, at));
    }

    /** Opens the done or skipped task again, forgetting who closed it, when, and with what note. */
    Outcome<Task> reopen() {
        if (isOpen()) {
            return Outcome.refused(Refusal.conflict(ProcedureRefusals.OPEN_ALREADY, title));
        }
        return Outcome.done(new Task(id, title, mandatory, TaskState.OPEN, null, null, null, version));
    }

    private Task closed(TaskState closedState, @Nullable String closingNote, String by, Instant at) {
        return new Task(id, title, mandatory, closedState, closingNote, by, at, version);
    }

    private Outcome<Task> notOpen() {
        return Outcome.refused(Refusal.conflict(ProcedureRefusals.NOT_OPEN, title));
    }
}
