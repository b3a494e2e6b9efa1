package io.cairn.isms.runs;

import io.cairn.isms.ProcedureRunChanged;
import io.cairn.isms.ProcedureStepAssigned;
import io.cairn.isms.procedures.ProcedureCatalogue;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the rest of Cairn that a run changed: the audit trail, with digests of it before and after, and those who do a
 * step that the change opened (the notifications).
 */
@Component
class RunChanges {

    private final ApplicationEventPublisher events;
    private final ProcedureCatalogue catalogue;

    RunChanges(ApplicationEventPublisher events, ProcedureCatalogue catalogue) {
        this.events = events;
        this.catalogue = catalogue;
    }

    void record(
            @Nullable ProcedureRun before,
            ProcedureRun after,
            ActorRef actor,
            ProcedureRunChanged.Verb verb,
            @Nullable RunStep step,
            Instant at) {
        events.publishEvent(new ProcedureRunChanged(
                after.id().toString(),
                after.reference(),
                after.definition().key(),
                Optional.ofNullable(step).map(RunStep::title),
                actor,
                at,
                verb,
                Optional.ofNullable(before).map(RunChanges::digest),
                Optional.of(digest(after))));
        for (RunStep opened : after.steps()) {
            boolean wasStarted =
                    before != null && before.steps().get(opened.position()).isStarted();
            if (opened.isStarted() && !wasStarted && after.isOpen()) {
                events.publishEvent(new ProcedureStepAssigned(
                        after.id().value(),
                        after.reference(),
                        catalogue.inEachLanguage(after.definition().name()),
                        opened.id().value(),
                        catalogue.inEachLanguage(opened.title()),
                        opened.isApproval(),
                        opened.team() == null ? null : opened.team().value(),
                        opened.approver() == null ? null : opened.approver().value(),
                        after.owner().value(),
                        opened.dueAt(),
                        at));
            }
        }
    }

    private static String digest(ProcedureRun run) {
        return ContentDigest.of(RunRows.json(run)).hex();
    }
}
