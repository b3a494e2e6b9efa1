package io.cairn.isms.runs;

import io.cairn.identity.Actor;
import io.cairn.isms.ProcedureRunChanged;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Moves runs on: a step done, skipped, approved or rejected, a phase left, a run cancelled. Each locks the run, checks
 * the version the caller saw (409 for the loser of a race), calls the run's or step's verb, stores the answer and
 * records it in the audit trail. Who may act was checked by the caller ({@link ProcedureRuns}).
 */
@Service
class RunProgress {

    private final ProcedureRunStore runs;
    private final RunChanges changes;
    private final Clock clock;
    private final ZoneId zone;

    RunProgress(ProcedureRunStore runs, RunChanges changes, Clock clock, @Value("${cairn.isms.zone:UTC}") ZoneId zone) {
        this.runs = runs;
        this.changes = changes;
        this.clock = clock;
        this.zone = zone;
    }

    Outcome<ProcedureRun> advance(ProcedureRun run, Actor actor, long version) {
        Instant now = clock.instant();
        return changeRun(run, version, locked -> locked.advance(actor.id(), now, zone))
                .map(after -> recorded(
                        run,
                        after,
                        actor,
                        after.isOpen() ? ProcedureRunChanged.Verb.ADVANCED : ProcedureRunChanged.Verb.COMPLETED,
                        null,
                        now));
    }

    Outcome<ProcedureRun> cancel(ProcedureRun run, Actor actor, @Nullable String reason, long version) {
        Instant now = clock.instant();
        return changeRun(run, version, locked -> locked.cancel(reason, actor.id(), now))
                .map(after -> recorded(run, after, actor, ProcedureRunChanged.Verb.CANCELLED, null, now));
    }

    Outcome<ProcedureRun> complete(ProcedureRun run, RunStep step, Actor actor, @Nullable String note, long version) {
        return changeStep(run, step, version, actor, (found, now) -> found.complete(note, actor.id(), now));
    }

    Outcome<ProcedureRun> skip(ProcedureRun run, RunStep step, Actor actor, @Nullable String reason, long version) {
        return changeStep(run, step, version, actor, (found, now) -> found.skip(reason, actor.id(), now));
    }

    Outcome<ProcedureRun> decide(
            ProcedureRun run, RunStep step, Actor actor, boolean approved, @Nullable String note, long version) {
        return changeStep(run, step, version, actor, (found, now) -> found.decide(approved, note, actor.id(), now));
    }

    private Outcome<ProcedureRun> changeRun(
            ProcedureRun read, long version, java.util.function.Function<ProcedureRun, Outcome<ProcedureRun>> verb) {
        ProcedureRun locked = runs.lockedById(read.id()).orElseThrow();
        if (locked.version() != version) {
            return Outcome.refused(Refusal.stale(version, locked.version()));
        }
        return verb.apply(locked).map(after -> {
            runs.update(locked, after);
            return after;
        });
    }

    private Outcome<ProcedureRun> changeStep(
            ProcedureRun read,
            RunStep step,
            long version,
            Actor actor,
            BiFunction<RunStep, Instant, Outcome<RunStep>> verb) {
        Instant now = clock.instant();
        ProcedureRun locked = runs.lockedById(read.id()).orElseThrow();
        RunStep current = locked.step(step.id()).orElseThrow();
        if (current.version() != version) {
            return Outcome.refused(Refusal.stale(version, current.version()));
        }
        if (!locked.isOpen()) {
            return Outcome.refused(Refusal.conflict(RunRefusals.RUN_NOT_OPEN, locked.reference()));
        }
        return verb.apply(current, now).map(changed -> {
            ProcedureRun after = locked.withStep(changed, now);
            runs.update(locked, after);
            return recorded(locked, after, actor, verbOf(changed), changed, now);
        });
    }

    private ProcedureRun recorded(
            ProcedureRun before,
            ProcedureRun after,
            Actor actor,
            ProcedureRunChanged.Verb verb,
            @Nullable RunStep step,
            Instant now) {
        changes.record(before, after, actor.ref(), verb, step, now);
        return runs.byId(after.id()).orElseThrow();
    }

    private static ProcedureRunChanged.Verb verbOf(RunStep step) {
        return switch (step.state()) {
            case DONE -> ProcedureRunChanged.Verb.STEP_DONE;
            case SKIPPED -> ProcedureRunChanged.Verb.STEP_SKIPPED;
            case APPROVED -> ProcedureRunChanged.Verb.STEP_APPROVED;
            case REJECTED -> ProcedureRunChanged.Verb.STEP_REJECTED;
            case OPEN -> throw new IllegalStateException("a step changed to open");
        };
    }
}
