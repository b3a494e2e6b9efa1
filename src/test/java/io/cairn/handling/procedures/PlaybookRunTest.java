package io.cairn.handling.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.Status;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Leaving a phase of a playbook run, without a server: a phase is not left while its own mandatory steps are open,
 * the incident is not closed while any mandatory step or task is open, and the refusal names them.
 */
class PlaybookRunTest {

    private static final PlaybookRun.OpenStep COLLECT =
            new PlaybookRun.OpenStep("Collect the message", Status.ANALYSIS);
    private static final PlaybookRun.OpenStep BLOCK = new PlaybookRun.OpenStep("Block the sender", Status.CONTAINMENT);
    private static final PlaybookRun.OpenStep FACILITIES = new PlaybookRun.OpenStep("Replace the lock", null);

    private static PlaybookRun run(PlaybookRun.OpenStep... open) {
        return new PlaybookRun(IncidentId.random(), Optional.of(PlaybookId.random()), List.of(open));
    }

    @AfterEach
    void forgetTheLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void refusesToLeaveAPhaseWhileItsMandatoryStepsAreOpenNamingThem() {
        PlaybookRun.OpenStep review = new PlaybookRun.OpenStep("Write it up", Status.ANALYSIS);
        Refusal refusal = refused(run(COLLECT, BLOCK, review).leave(Status.ANALYSIS, Status.CONTAINMENT));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal.message())
                .isEqualTo(
                        "Analysis cannot be left while these mandatory steps are open: Collect the message; Write it up");
        assertThat(refusal.template()).isEqualTo("Analysis cannot be left while these mandatory steps are open: {0}");
        assertThat(refusal.fields()).extracting(Refusal.FieldProblem::field).containsExactly("to");
    }

    @Test
    void leavesAPhaseWhoseMandatoryStepsAreDoneThoughLaterOnesAreOpen() {
        assertThat(run(BLOCK, FACILITIES).leave(Status.ANALYSIS, Status.CONTAINMENT))
                .isEqualTo(Outcome.done(Status.CONTAINMENT));
    }

    @Test
    void refusesToCloseWhileAnyMandatoryTaskIsOpen() {
        Refusal refusal = refused(run(BLOCK, FACILITIES).leave(Status.REVIEW, Status.CLOSED));

        assertThat(refusal.message())
                .isEqualTo("The incident cannot be closed while these mandatory steps are open: "
                        + "Block the sender; Replace the lock");
    }

    @Test
    void anIncidentWithoutAPlaybookIsHeldOnlyAtClosingByTheTasksHandlersGave() {
        PlaybookRun handlersOnly = new PlaybookRun(IncidentId.random(), Optional.empty(), List.of(FACILITIES));

        assertThat(handlersOnly.leave(Status.ANALYSIS, Status.CONTAINMENT)).isEqualTo(Outcome.done(Status.CONTAINMENT));
        assertThat(refused(handlersOnly.leave(Status.RECOVERY, Status.CLOSED)).message())
                .endsWith("open: Replace the lock");
    }

    @Test
    void staysFreeOutsideThePlaybookPhasesAndWhenTheStatusDoesNotChange() {
        PlaybookRun run = run(COLLECT);

        assertThat(run.leave(Status.TRIAGE, Status.DISMISSED)).isEqualTo(Outcome.done(Status.DISMISSED));
        assertThat(run.leave(Status.ANALYSIS, Status.ANALYSIS)).isEqualTo(Outcome.done(Status.ANALYSIS));
        assertThat(run().leave(Status.REVIEW, Status.CLOSED)).isEqualTo(Outcome.done(Status.CLOSED));
    }

    @Test
    void namesShippedStepsInTheReadersLanguage() {
        String shipped =
                ShippedPlaybooks.shipped().get(0).english().steps().get(0).title();
        String dutch = ShippedPlaybooks.shipped().get(0).dutch().steps().get(0).title();
        LocaleContextHolder.setLocale(Locale.forLanguageTag("nl"));

        Refusal refusal = refused(
                run(new PlaybookRun.OpenStep(shipped, Status.ANALYSIS)).leave(Status.ANALYSIS, Status.CONTAINMENT));

        assertThat(refusal.arguments()).containsExactly(dutch);
    }

    private static Refusal refused(Outcome<Status> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<Status>) outcome).refusal();
    }
}
