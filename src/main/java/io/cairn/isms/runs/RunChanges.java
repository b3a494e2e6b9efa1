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

    /**
     * Records that a file was attached to a step: the run did not change, so its digest is the record's before-digest,
     * and the file's SHA-256 its after-digest.
     */
    void attached(ProcedureRun run, RunStep step, StepAttachment attachment, ActorRef actor) {
        events.publishEvent(new ProcedureRunChanged(
                run.id().toString(),
                run.reference(),
                run.definition().key(),
                Optional.of(step.title()),
                actor,
                attachment.attachedAt(),
                ProcedureRunChanged.Verb.STEP_ATTACHED,
                Optional.of(digest(run)),
                Optional.of(attachment.sha256()),
                Optional.of(new ProcedureRunChanged.AttachedFile(
                        attachment.id().toString(), attachment.fileName(), attachment.size(), attachment.sha256()))));
    }

    private static String digest(ProcedureRun run) {
        return ContentDigest.of(RunRows.json(run)).hex();
    }
}
