package io.cairn.isms.runs;

import io.cairn.isms.ProcedureRunChanged;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the rest of Cairn (the audit trail first) that a run changed, with digests of it before and after. */
@Component
class RunChanges {

    private final ApplicationEventPublisher events;

    RunChanges(ApplicationEventPublisher events) {
        this.events = events;
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
    }

    private static String digest(ProcedureRun run) {
        return ContentDigest.of(RunRows.json(run)).hex();
    }
}
