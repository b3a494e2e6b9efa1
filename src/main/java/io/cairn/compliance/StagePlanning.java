package io.cairn.compliance;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Derives where a stage of an obligation stands from the regime's facts: it is required while all its {@code opens-on}
 * facts hold, and then due by its clock from the facts' instants. Pure: the facts, the stage's earlier state and the
 * time give the new state.
 *
 * <p>A stage that a re-assessment made due (an earlier version of the deciding decision did not) counts no clock from
 * before the moment the new facts were established (GDPR-11); a stage that was due before, closed and opens again
 * keeps the start it had, so that it keeps the original awareness (GDPR-4).
 */
final class StagePlanning {

    private StagePlanning() {}

    /** Every stage of the rules that applies to the legal entity, planned from its state before (by stage id). */
    static java.util.List<StageState> plan(
            Regime rules,
            LegalEntityProfile profile,
            RegimeFacts facts,
            java.util.Map<String, StageState> before,
            Instant now) {
        return RegimeApplicability.stages(rules, profile).stream()
                .map(stage -> plan(rules, stage, facts, before.get(stage.id()), now))
                .toList();
    }

    static StageState plan(
            Regime regime, Regime.Stage stage, RegimeFacts facts, @Nullable StageState before, Instant now) {
        if (before != null && before.submittedAt() != null) {
            return before;
        }
        boolean holds = stage.opensOn().stream().allMatch(facts::holds);
        if (!holds) {
            return notRequired(stage, before, now);
        }
        Instant floor = before != null && before.everRequired() ? before.startFloor() : floor(stage, facts);
        java.util.Map<String, Instant> clockFacts = facts.clockFacts(floor);
        Deadline deadline = DeadlineCalculator.of(regime).due(stage.clock(), clockFacts);
        Deadline.Due due = deadline instanceof Deadline.Due found ? found : null;
        Instant opened = before != null && before.openedAt() != null ? before.openedAt() : now;
        Instant start =
                due == null ? null : clockFacts.get(stage.clock().facts().get(0));
        return new StageState(
                stage.id(),
                true,
                true,
                floor,
                due == null ? null : due.at(),
                due != null && due.internalTarget(),
                opened,
                null,
                start,
                due == null || start == null ? null : firstNotice(stage, start, due.at()),
                null);
    }

    /** A stage whose opening facts do not hold: never opened, or closed now (or when it closed before). */
    private static StageState notRequired(Regime.Stage stage, @Nullable StageState before, Instant now) {
        if (before == null) {
            return StageState.never(stage.id());
        }
        return new StageState(
                stage.id(),
                false,
                before.everRequired(),
                before.startFloor(),
                null,
                false,
                before.openedAt(),
                before.required() ? now : before.closedAt(),
                null,
                null,
                null);
    }

    /** The first instant the scan has something to tell: the first warning, or the due instant without one. */
    static Instant firstNotice(Regime.Stage stage, Instant start, Instant due) {
        List<Instant> warnings = WarningThreshold.instants(stage.warnings(), start, due);
        return warnings.isEmpty() ? due : warnings.get(0);
    }

    /** The latest moment a re-assessment established one of the stage's opening facts; none if none was one. */
    private static @Nullable Instant floor(Regime.Stage stage, RegimeFacts facts) {
        Instant floor = null;
        for (String trigger : stage.opensOn()) {
            DecisionTriggers.Established found = facts.established().get(trigger);
            if (found != null
                    && found.reassessed()
                    && (floor == null || found.since().isAfter(floor))) {
                floor = found.since();
            }
        }
        return floor;
    }
}
