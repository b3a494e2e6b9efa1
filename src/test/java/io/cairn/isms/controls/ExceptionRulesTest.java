package io.cairn.isms.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The rules that make a run an exception in the evidence of a control, on runs made by hand. */
class ExceptionRulesTest {

    static final Instant START = Instant.parse("2026-07-01T08:00:00Z");
    static final Instant DUE = START.plus(Duration.ofDays(1));
    static final Instant NOW = Instant.parse("2026-10-15T12:00:00Z");

    static EvidenceStep step(String title, String kind, String state, @Nullable Instant closed, boolean byRequester) {
        return new EvidenceStep(
                1,
                title,
                kind,
                true,
                true,
                state,
                closed == null ? "" : "Carol",
                START,
                DUE,
                closed,
                state.equals("skipped") ? "not needed" : "",
                byRequester,
                java.util.List.of());
    }

    static EvidenceRun run(String state, @Nullable Instant ended, String reason, EvidenceStep... steps) {
        return new EvidenceRun(
                "id",
                "PRC-1",
                "Off-boarding",
                "Alice",
                "Bob",
                START,
                DUE,
                ended,
                state,
                reason,
                List.of(steps),
                List.of());
    }

    static List<ExceptionKind> kinds(EvidenceRun run) {
        return ExceptionRules.exceptions(run, NOW, null).stream()
                .map(EvidenceException::kind)
                .toList();
    }

    @Test
    void aRunCompletedBeforeItsDueTimeWithItsStepsOnTimeIsNoException() {
        Instant early = START.plus(Duration.ofHours(3));
        assertThat(kinds(run("completed", early, "", step("Revoke", "task", "done", early, false))))
                .isEmpty();
    }

    @Test
    void aRunCompletedAfterItsDueTimeIsLate() {
        Instant late = DUE.plusSeconds(60);
        Instant onTime = START.plusSeconds(60);
        EvidenceRun run = run("completed", late, "", step("Revoke", "task", "done", onTime, false));
        assertThat(kinds(run)).containsExactly(ExceptionKind.LATE);
        assertThat(ExceptionRules.exceptions(run, NOW, null).get(0).step()).isEmpty();
    }

    @Test
    void aStepClosedAfterItsOwnDueTimeIsLateEvenWhenTheRunWasNot() {
        Instant late = DUE.plusSeconds(60);
        EvidenceRun run = new EvidenceRun(
                "id",
                "PRC-1",
                "Off-boarding",
                "Alice",
                "Bob",
                START,
                DUE.plus(Duration.ofDays(5)),
                late,
                "completed",
                "",
                List.of(step("Revoke", "task", "done", late, false)),
                List.of());
        List<EvidenceException> found = ExceptionRules.exceptions(run, NOW, null);
        assertThat(found).extracting(EvidenceException::kind).containsExactly(ExceptionKind.LATE);
        assertThat(found.get(0).step()).isEqualTo("Revoke");
    }

    @Test
    void aRunStillOpenPastItsDueTimeIsMissedAndSoIsItsOpenStep() {
        EvidenceRun run = run("open", null, "", step("Revoke", "task", "open", null, false));
        assertThat(kinds(run)).containsExactly(ExceptionKind.MISSED, ExceptionKind.MISSED);
    }

    @Test
    void anOpenRunNotYetDueIsNoException() {
        EvidenceRun run = run("open", null, "", step("Revoke", "task", "open", null, false));
        assertThat(ExceptionRules.exceptions(run, START.plusSeconds(60), null)).isEmpty();
    }

    @Test
    void aRejectedRunIsAnExceptionWithItsReason() {
        Instant at = START.plusSeconds(60);
        EvidenceRun run = run("rejected", at, "no badge", step("Approve", "approval", "rejected", at, false));
        List<EvidenceException> found = ExceptionRules.exceptions(run, NOW, null);
        assertThat(found).extracting(EvidenceException::kind).containsExactly(ExceptionKind.REJECTED);
        assertThat(found.get(0).note()).isEqualTo("no badge");
    }

    @Test
    void aCancelledRunIsAnExceptionWithItsReason() {
        Instant at = START.plusSeconds(60);
        EvidenceRun run = run("cancelled", at, "asked twice", step("Revoke", "task", "open", null, false));
        assertThat(kinds(run)).containsExactly(ExceptionKind.CANCELLED);
        assertThat(ExceptionRules.exceptions(run, NOW, null).get(0).note()).isEqualTo("asked twice");
    }

    @Test
    void aSkippedStepIsAnExceptionWithItsReason() {
        Instant at = START.plusSeconds(60);
        EvidenceRun run = run("completed", at, "", step("Check", "task", "skipped", at, false));
        List<EvidenceException> found = ExceptionRules.exceptions(run, NOW, null);
        assertThat(found).extracting(EvidenceException::kind).containsExactly(ExceptionKind.SKIPPED);
        assertThat(found.get(0).note()).isEqualTo("not needed");
        assertThat(found.get(0).step()).isEqualTo("Check");
    }

    @Test
    void anApprovalDecidedByTheRequesterIsAnExceptionThoughCairnRefusesIt() {
        Instant at = START.plusSeconds(60);
        EvidenceRun run = run("completed", at, "", step("Approve", "approval", "approved", at, true));
        assertThat(kinds(run)).containsExactly(ExceptionKind.DECIDED_BY_REQUESTER);
    }

    /** One working day on the working days of the Netherlands' week (no holidays), counted in Amsterdam. */
    static final CompletionTarget ONE_WORKING_DAY = new CompletionTarget(
            1,
            "Office",
            io.cairn.handling.sla.BusinessCalendar.workingDays(
                    java.time.ZoneId.of("Europe/Amsterdam"),
                    java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                    java.util.Set.of()));

    static EvidenceRun startedAt(Instant start, String state, @Nullable Instant ended) {
        return new EvidenceRun(
                "id", "PRC-2", "Off-boarding", "Alice", "Bob", start, null, ended, state, "", List.of(), List.of());
    }

    static List<ExceptionKind> kindsWithin(EvidenceRun run) {
        return ExceptionRules.exceptions(run, NOW, ONE_WORKING_DAY).stream()
                .map(EvidenceException::kind)
                .toList();
    }

    @Test
    void aRunIsWithinOneWorkingDayUntilTheEndOfTheNextWorkingDayInTheCalendarsZone() {
        // Wednesday 1 July 2026 10:00 in Amsterdam: within it until Thursday ends, 22:00 UTC in summer time
        Instant wednesday = Instant.parse("2026-07-01T08:00:00Z");
        assertThat(kindsWithin(startedAt(wednesday, "completed", Instant.parse("2026-07-02T21:59:00Z"))))
                .isEmpty();
        assertThat(kindsWithin(startedAt(wednesday, "completed", Instant.parse("2026-07-02T22:00:01Z"))))
                .containsExactly(ExceptionKind.NOT_WITHIN_TARGET);
        // Friday 3 July 17:00: the weekend does not count, Monday does
        Instant friday = Instant.parse("2026-07-03T15:00:00Z");
        assertThat(kindsWithin(startedAt(friday, "completed", Instant.parse("2026-07-06T20:00:00Z"))))
                .isEmpty();
        assertThat(ExceptionRules.exceptions(
                                startedAt(friday, "completed", Instant.parse("2026-07-07T06:00:00Z")),
                                NOW,
                                ONE_WORKING_DAY)
                        .get(0)
                        .dueAt())
                .isEqualTo(Instant.parse("2026-07-06T22:00:00Z"));
    }

    @Test
    void anOpenRunPastTheWorkingDaysAskedIsNotWithinThemAndACancelledOneIsOnlyCancelled() {
        Instant wednesday = Instant.parse("2026-07-01T08:00:00Z");
        assertThat(kindsWithin(startedAt(wednesday, "open", null))).containsExactly(ExceptionKind.NOT_WITHIN_TARGET);
        assertThat(kindsWithin(startedAt(NOW.minusSeconds(60), "open", null))).isEmpty();
        assertThat(kindsWithin(startedAt(wednesday, "cancelled", NOW))).containsExactly(ExceptionKind.CANCELLED);
    }

    @Test
    void theTallyCountsTheRunsWithinTheWorkingDaysAskedAndThoseNot() {
        EvidenceTally tally = new EvidenceTally(0, ONE_WORKING_DAY);
        Instant wednesday = Instant.parse("2026-07-01T08:00:00Z");
        for (EvidenceRun run : List.of(
                startedAt(wednesday, "completed", wednesday.plusSeconds(3600)),
                startedAt(wednesday, "completed", wednesday.plus(Duration.ofDays(5))),
                startedAt(wednesday, "open", null),
                startedAt(NOW.minusSeconds(60), "open", null))) {
            tally.accept(run.withExceptions(ExceptionRules.exceptions(run, NOW, ONE_WORKING_DAY)));
        }
        EvidenceSummary.Within within = tally.summary().within();
        assertThat(within).isNotNull();
        assertThat(within.met()).isEqualTo(1);
        assertThat(within.notMet()).isEqualTo(2);
        assertThat(within.calendar()).isEqualTo("Office");
    }

    @Test
    void theTallyCountsRunsOnTimeOpenAndWithExceptionsByKind() {
        Instant early = START.plusSeconds(60);
        EvidenceTally tally = new EvidenceTally(1);
        for (EvidenceRun run : List.of(
                run("completed", early, "", step("Revoke", "task", "done", early, false)),
                run("completed", DUE.plusSeconds(1), "", step("Revoke", "task", "done", early, false)),
                run("cancelled", early, "twice", step("Revoke", "task", "open", null, false)))) {
            tally.accept(run.withExceptions(ExceptionRules.exceptions(run, NOW, null)));
        }
        EvidenceSummary summary = tally.summary();
        assertThat(summary.runs()).isEqualTo(3);
        assertThat(summary.onTime()).isEqualTo(1);
        assertThat(summary.withExceptions()).isEqualTo(2);
        assertThat(summary.exceptions())
                .filteredOn(count -> count.count() > 0)
                .extracting(EvidenceSummary.KindCount::kind)
                .containsExactly(ExceptionKind.LATE, ExceptionKind.CANCELLED);
        assertThat(tally.kept()).hasSize(1);
        assertThat(tally.exceptions()).hasSize(2);
    }
}
