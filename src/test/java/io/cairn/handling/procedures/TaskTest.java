package io.cairn.handling.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The verbs of a task, without a server: an open task is completed or (if optional, with a reason) skipped, a closed
 * one reopened, and each verb refuses what its rules forbid in the words the API answers.
 */
class TaskTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static Task open(boolean mandatory) {
        return new Task(TaskId.random(), "Block the sender", mandatory, TaskState.OPEN, null, null, null, 3);
    }

    private static Task done() {
        return new Task(TaskId.random(), "Block the sender", false, TaskState.DONE, "blocked", "alice", AT, 4);
    }

    @Test
    void completingAnOpenTaskKeepsTheTrimmedNoteWhoAndWhen() {
        Task completed = done(open(true).complete("  blocked at the gateway ", "alice", AT));

        assertThat(completed.state()).isEqualTo(TaskState.DONE);
        assertThat(completed.note()).isEqualTo("blocked at the gateway");
        assertThat(completed.closedBy()).isEqualTo("alice");
        assertThat(completed.closedAt()).isEqualTo(AT);
        assertThat(completed.version())
                .as("the version is the one read; storing counts it up")
                .isEqualTo(3);
    }

    @Test
    void aBlankNoteIsNoNote() {
        assertThat(done(open(false).complete("   ", "alice", AT)).note()).isNull();
        assertThat(done(open(false).complete(null, "alice", AT)).note()).isNull();
    }

    @Test
    void refusesToCompleteATaskThatIsNotOpen() {
        Refusal refusal = refused(done().complete("again", "bob", AT));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal.message()).isEqualTo("'Block the sender' is not open");
    }

    @Test
    void refusesANoteOfMoreThan5000CharactersBeforeLookingAtTheState() {
        Refusal refusal = refused(done().complete("x".repeat(5001), "bob", AT));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(refusal.fields()).extracting(Refusal.FieldProblem::field).containsExactly("note");
        assertThat(done(open(false).complete("x".repeat(5000), "bob", AT)).note())
                .hasSize(5000);
    }

    @Test
    void skippingAnOptionalTaskKeepsTheReason() {
        Task skipped = done(open(false).skip(" not applicable ", "alice", AT));

        assertThat(skipped.state()).isEqualTo(TaskState.SKIPPED);
        assertThat(skipped.note()).isEqualTo("not applicable");
        assertThat(skipped.closedBy()).isEqualTo("alice");
    }

    @Test
    void refusesToSkipAMandatoryTask() {
        Refusal refusal = refused(open(true).skip("no time", "alice", AT));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal.message()).isEqualTo("'Block the sender' is mandatory and cannot be skipped");
    }

    @Test
    void refusesToSkipWithoutAReason() {
        for (String reason : new String[] {null, "", "  "}) {
            Refusal refusal = refused(open(false).skip(reason, "alice", AT));

            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
            assertThat(refusal.fields())
                    .extracting(Refusal.FieldProblem::message)
                    .containsExactly("skipping a step needs a reason");
        }
    }

    @Test
    void refusesToSkipATaskThatIsNotOpen() {
        assertThat(refused(done().skip("no longer needed", "bob", AT)).message())
                .isEqualTo("'Block the sender' is not open");
    }

    @Test
    void reopeningForgetsTheNoteWhoAndWhen() {
        Task reopened = done(done().reopen());

        assertThat(reopened.state()).isEqualTo(TaskState.OPEN);
        assertThat(reopened.note()).isNull();
        assertThat(reopened.closedBy()).isNull();
        assertThat(reopened.closedAt()).isNull();
    }

    @Test
    void refusesToReopenAnOpenTask() {
        Refusal refusal = refused(open(false).reopen());

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal.message()).isEqualTo("'Block the sender' is open already");
    }

    private static Task done(Outcome<Task> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<Task>) outcome).value();
    }

    private static Refusal refused(Outcome<Task> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<Task>) outcome).refusal();
    }
}
