package io.cairn.isms.controls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules that make a run an exception in the evidence of a control rather than hide it: late (completed after its
 * due time, or a step closed after its own), missed (open past its due time, the run or a started step of it),
 * rejected, cancelled, a step skipped, and an approval decided by the person who asked for the run.
 */
final class ExceptionRules {

    private ExceptionRules() {}

    /**
     * The run's exceptions as of {@code now}, the run's own first, then its steps' in order; without words yet. With a
     * target, a run completed after its deadline, or open past it, is one too (cancelled and rejected ones are
     * exceptions of their own already).
     */
    static List<EvidenceException> exceptions(EvidenceRun run, Instant now, @Nullable CompletionTarget target) {
        List<EvidenceException> found = new ArrayList<>();
        if (target != null && Set.of("completed", "open").contains(run.state())) {
            Instant deadline = target.deadline(run.startedAt());
            if (after(run.isOpen() ? now : run.endedAt(), deadline)) {
                found.add(new EvidenceException(
                        ExceptionKind.NOT_WITHIN_TARGET,
                        run.reference(),
                        run.procedure(),
                        "",
                        deadline,
                        run.endedAt(),
                        "",
                        "",
                        ""));
            }
        }
        switch (run.state()) {
            case "cancelled" -> found.add(ofRun(ExceptionKind.CANCELLED, run, run.closeReason()));
            case "rejected" -> found.add(ofRun(ExceptionKind.REJECTED, run, run.closeReason()));
            case "completed" -> {
                if (after(run.endedAt(), run.dueAt())) {
                    found.add(ofRun(ExceptionKind.LATE, run, ""));
                }
            }
            default -> {
                if (after(now, run.dueAt())) {
                    found.add(ofRun(ExceptionKind.MISSED, run, ""));
                }
            }
        }
        for (EvidenceStep step : run.steps()) {
            stepException(run, step, now).forEach(found::add);
        }
        return found;
    }

    private static List<EvidenceException> stepException(EvidenceRun run, EvidenceStep step, Instant now) {
        List<EvidenceException> found = new ArrayList<>();
        if (step.isApproval() && step.byRequester() && !step.isOpen() && !"skipped".equals(step.state())) {
            found.add(ofStep(ExceptionKind.DECIDED_BY_REQUESTER, run, step));
        }
        if ("skipped".equals(step.state())) {
            found.add(ofStep(ExceptionKind.SKIPPED, run, step));
        } else if (step.isOpen()) {
            if (run.isOpen() && step.openedAt() != null && after(now, step.dueAt())) {
                found.add(ofStep(ExceptionKind.MISSED, run, step));
            }
        } else if (after(step.closedAt(), step.dueAt())) {
            found.add(ofStep(ExceptionKind.LATE, run, step));
        }
        return found;
    }

    private static boolean after(@Nullable Instant at, @Nullable Instant due) {
        return at != null && due != null && at.isAfter(due);
    }

    private static EvidenceException ofRun(ExceptionKind kind, EvidenceRun run, String note) {
        return new EvidenceException(
                kind, run.reference(), run.procedure(), "", run.dueAt(), run.endedAt(), note, "", "");
    }

    private static EvidenceException ofStep(ExceptionKind kind, EvidenceRun run, EvidenceStep step) {
        return new EvidenceException(
                kind,
                run.reference(),
                run.procedure(),
                step.title(),
                step.dueAt(),
                step.closedAt(),
                step.note(),
                step.by(),
                "");
    }
}
