package io.cairn.compliance;

import io.cairn.shared.ActorRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Closes an obligation whose regime no longer applies, and opens it again when it applies once more: it is never
 * deleted, its open stages stop warning but keep the deadlines they had, and what was submitted stays submitted.
 */
@Component
class ObligationClosing {

    /** The legal entity's profile changed so that the regime no longer applies to it. */
    static final String REGIME_NOT_APPLICABLE = "regime-not-applicable";
    /** The incident now concerns another legal entity. */
    static final String OTHER_LEGAL_ENTITY = "other-legal-entity";
    /** The incident concerns no legal entity any more. */
    static final String NO_LEGAL_ENTITY = "no-legal-entity";

    private final Obligations obligations;
    private final ApplicationEventPublisher events;

    ObligationClosing(Obligations obligations, ApplicationEventPublisher events) {
        this.obligations = obligations;
        this.events = events;
    }

    /** Closes the obligation for the reason, unless it is closed already. Audited. */
    void close(Obligations.Stored obligation, String reason, ActorRef actor, Instant now) {
        if (obligation.closedAt() != null) {
            return;
        }
        List<StageState> before = List.copyOf(obligation.stages().values());
        List<StageState> after =
                before.stream().map(stage -> stopped(stage, now)).toList();
        obligations.close(obligation.id(), reason, now);
        obligations.saveStages(obligation.id(), after);
        publish(obligation, ObligationChanged.Verb.CLOSED, before, after, actor, now);
    }

    /** Opens a closed obligation again, before its stages are planned anew. Audited. */
    void reopen(Obligations.Stored obligation, ActorRef actor, Instant now) {
        obligations.close(obligation.id(), null, now);
        List<StageState> stages = List.copyOf(obligation.stages().values());
        publish(obligation, ObligationChanged.Verb.REOPENED, stages, stages, actor, now);
    }

    /** A stage that was open, stopped: no longer required, no warning left, its deadline kept. */
    static StageState stopped(StageState stage, Instant now) {
        if (!stage.required() || stage.submittedAt() != null) {
            return stage;
        }
        return new StageState(
                stage.stage(),
                false,
                true,
                stage.startFloor(),
                stage.dueAt(),
                stage.internalTarget(),
                stage.openedAt(),
                now,
                stage.clockStart(),
                null,
                null);
    }

    private void publish(
            Obligations.Stored obligation,
            ObligationChanged.Verb verb,
            List<StageState> before,
            List<StageState> after,
            ActorRef actor,
            Instant now) {
        events.publishEvent(new ObligationChanged(
                obligation.id(),
                obligation.rules().id().value(),
                actor,
                now,
                verb,
                Optional.of(ObligationKeeper.digest(before)),
                Optional.of(ObligationKeeper.digest(after))));
    }
}
