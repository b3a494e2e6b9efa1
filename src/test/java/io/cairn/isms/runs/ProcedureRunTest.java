package io.cairn.isms.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.identity.UserId;
import io.cairn.isms.procedures.FormField;
import io.cairn.isms.procedures.ProcedureDefinition;
import io.cairn.isms.procedures.ProcedureStep;
import io.cairn.isms.procedures.ProcedureTypeId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of a run: phases left only when their mandatory steps are done, approvals, skipping, cancelling. */
class ProcedureRunTest {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    final UserId owner = UserId.random();
    final UserId worker = UserId.random();

    static ProcedureDefinition offboarding() {
        return new ProcedureDefinition(
                "leaver",
                "Off-boarding",
                "",
                List.of(
                        new FormField("leaver", "Leaver", FormField.Kind.TEXT, true, List.of(), ""),
                        new FormField("last-day", "Last day", FormField.Kind.DATE, true, List.of(), "")),
                List.of(
                        new ProcedureDefinition.Phase("approval", "Approval"),
                        new ProcedureDefinition.Phase("revocation", "Revocation")),
                List.of(
                        step("approval", "Approve", ProcedureStep.Kind.APPROVAL, true, "P1D", null),
                        step("revocation", "Disable the accounts", ProcedureStep.Kind.TASK, true, "P1D", "last-day"),
                        step("revocation", "Remind of duties", ProcedureStep.Kind.TASK, false, "PT4H", null)),
                "P2D",
                "last-day");
    }

    static ProcedureStep step(
            String phase, String title, ProcedureStep.Kind kind, boolean mandatory, String due, String dueFrom) {
        return new ProcedureStep(
                phase,
                title,
                "",
                kind,
                mandatory,
                null,
                null,
                due,
                dueFrom,
                List.of(),
                List.of("leaver"),
                List.of("6.5"));
    }

    ProcedureRun run() {
        ProcedureDefinition definition = offboarding();
        Map<String, String> values = Map.of("leaver", "J. Jansen", "last-day", "2026-03-31");
        List<RunStep> steps = new ArrayList<>();
        for (int i = 0; i < definition.steps().size(); i++) {
            ProcedureStep step = definition.steps().get(i);
            steps.add(new RunStep(
                    RunStepId.random(),
                    i,
                    step.phase(),
                    step.title(),
                    "",
                    step.kind(),
                    step.mandatory(),
                    null,
                    null,
                    step.fields(),
                    List.of(),
                    step.controls(),
                    null,
                    null,
                    StepState.OPEN,
                    null,
                    null,
                    null,
                    0));
        }
        return new ProcedureRun(
                ProcedureRunId.random(),
                7,
                ProcedureTypeId.random(),
                definition,
                values,
                worker,
                owner,
                "approval",
                RunState.OPEN,
                START,
                null,
                null,
                null,
                null,
                null,
                ProcedureRun.opened(definition, values, steps, "approval", START, START, AMSTERDAM),
                0);
    }

    static <T> T done(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) outcome).value();
    }

    static Refusal refusal(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) outcome).refusal();
    }

    @Test
    void onlyTheFirstPhaseStepsOpenAtTheStartEachDueByItsOffset() {
        ProcedureRun run = run();

        assertThat(run.steps().get(0).isStarted()).isTrue();
        assertThat(run.steps().get(0).dueAt()).isEqualTo(START.plusSeconds(86_400));
        assertThat(run.steps().get(1).isStarted()).isFalse();
        assertThat(run.reference()).isEqualTo("PRC-7");
    }

    @Test
    void aPhaseIsNotLeftWhileAMandatoryStepIsOpenAndTheRefusalNamesIt() {
        Refusal refused = refusal(run().advance(owner, START, AMSTERDAM));

        assertThat(refused.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refused.message()).contains("Approval").contains("Approve");
    }

    @Test
    void theNextPhaseStartsWithStepsDueFromTheirDateFieldInTheZone() {
        ProcedureRun run = run();
        RunStep approval = done(run.steps().get(0).decide(true, null, UserId.random(), START));
        ProcedureRun moved = done(run.withStep(approval, START).advance(owner, START, AMSTERDAM));

        assertThat(moved.phase()).isEqualTo("revocation");
        RunStep disable = moved.steps().get(1);
        assertThat(disable.isStarted()).isTrue();
        // the last day starts at midnight in Amsterdam (UTC+2 after the change to summer time), due a day later
        assertThat(disable.dueAt()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(moved.steps().get(2).dueAt()).isEqualTo(START.plusSeconds(4 * 3600));
    }

    @Test
    void leavingTheLastPhaseCompletesTheRunAndSkipsTheOptionalStepsLeftOpen() {
        ProcedureRun run = run();
        run = run.withStep(done(run.steps().get(0).decide(true, null, UserId.random(), START)), START);
        run = done(run.advance(owner, START, AMSTERDAM));
        run = run.withStep(done(run.steps().get(1).complete("done", worker, START)), START);

        ProcedureRun completed = done(run.advance(owner, START, AMSTERDAM));

        assertThat(completed.state()).isEqualTo(RunState.COMPLETED);
        assertThat(completed.phase()).isNull();
        assertThat(completed.steps().get(2).state()).isEqualTo(StepState.SKIPPED);
        assertThat(refusal(completed.advance(owner, START, AMSTERDAM)).message())
                .contains("PRC-7");
    }

    @Test
    void aRejectedApprovalEndsTheRunAsRejectedForItsReason() {
        ProcedureRun run = run();
        RunStep rejected = done(run.steps().get(0).decide(false, "not a leaver", UserId.random(), START));

        ProcedureRun ended = run.withStep(rejected, START);

        assertThat(ended.state()).isEqualTo(RunState.REJECTED);
        assertThat(ended.closeReason()).isEqualTo("not a leaver");
    }

    @Test
    void aRejectionNeedsAReasonAndATaskIsNotDecided() {
        ProcedureRun run = run();

        assertThat(refusal(run.steps().get(0).decide(false, " ", worker, START)).fields())
                .extracting(Refusal.FieldProblem::field)
                .containsExactly("reason");
        assertThat(refusal(run.steps().get(0).complete(null, worker, START)).code())
                .isEqualTo("isms.run.step-is-approval");
    }

    @Test
    void stepsOfAPhaseNotStartedAndMandatoryStepsCannotBeSkipped() {
        ProcedureRun run = run();

        assertThat(refusal(run.steps().get(2).skip("not needed", owner, START)).code())
                .isEqualTo("isms.run.step-waiting");
        assertThat(refusal(run.steps().get(1).skip("not needed", owner, START)).code())
                .isEqualTo("isms.run.step-mandatory");
    }

    @Test
    void aCancellationNeedsAReason() {
        assertThat(refusal(run().cancel("", owner, START)).fields())
                .extracting(Refusal.FieldProblem::field)
                .containsExactly("reason");
        assertThat(done(run().cancel("wrong person", owner, START)).state()).isEqualTo(RunState.CANCELLED);
    }
}
