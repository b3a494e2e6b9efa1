package io.cairn.isms.controls;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Counts the runs of the evidence as they pass, keeps every exception (a few percent of the runs) and the first runs
 * up to a limit, so that a year of runs need not be held to write the summary and the exceptions.
 */
final class EvidenceTally implements Consumer<EvidenceRun> {

    private final int keep;
    private final List<EvidenceRun> kept = new ArrayList<>();
    private final List<EvidenceException> exceptions = new ArrayList<>();
    private final Map<ExceptionKind, Long> byKind = new EnumMap<>(ExceptionKind.class);
    private long runs;
    private long onTime;
    private long inProgress;
    private long withExceptions;
    private final @Nullable CompletionTarget target;
    private long withinTarget;
    private long notWithinTarget;

    /** A tally that keeps the first {@code keep} runs. */
    EvidenceTally(int keep) {
        this(keep, null);
    }

    /** A tally that keeps the first {@code keep} runs and counts those that met the target, if one was asked. */
    EvidenceTally(int keep, @Nullable CompletionTarget target) {
        this.keep = keep;
        this.target = target;
    }

    @Override
    public void accept(EvidenceRun run) {
        runs++;
        if (run.isOnTime()) {
            onTime++;
        } else if (run.exceptions().isEmpty()) {
            inProgress++;
        } else {
            withExceptions++;
        }
        if (target != null) {
            countTarget(run);
        }
        for (EvidenceException exception : run.exceptions()) {
            exceptions.add(exception);
            byKind.merge(exception.kind(), 1L, Long::sum);
        }
        if (kept.size() < keep) {
            kept.add(run);
        }
    }

    /** Counts exceptions that are no run's, such as a schedule's occurrence that started none. */
    void acceptWithoutRun(List<EvidenceException> found) {
        for (EvidenceException exception : found) {
            exceptions.add(exception);
            byKind.merge(exception.kind(), 1L, Long::sum);
        }
    }

    EvidenceSummary summary() {
        List<EvidenceSummary.KindCount> counts = new ArrayList<>();
        for (ExceptionKind kind : ExceptionKind.values()) {
            counts.add(new EvidenceSummary.KindCount(kind, byKind.getOrDefault(kind, 0L)));
        }
        return new EvidenceSummary(
                runs,
                onTime,
                inProgress,
                withExceptions,
                counts,
                target == null
                        ? null
                        : new EvidenceSummary.Within(
                                target.workingDays(), target.calendarName(), withinTarget, notWithinTarget));
    }

    private void countTarget(EvidenceRun run) {
        if (run.exceptions().stream().anyMatch(found -> found.kind() == ExceptionKind.NOT_WITHIN_TARGET)) {
            notWithinTarget++;
        } else if ("completed".equals(run.state())) {
            withinTarget++;
        }
    }

    List<EvidenceException> exceptions() {
        return List.copyOf(exceptions);
    }

    List<EvidenceRun> kept() {
        return List.copyOf(kept);
    }

    long runs() {
        return runs;
    }
}
