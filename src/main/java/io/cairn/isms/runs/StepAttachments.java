package io.cairn.isms.runs;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserId;
import io.cairn.isms.files.FileNames;
import io.cairn.isms.files.FileReception;
import io.cairn.isms.files.ReceivedFile;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Files attached to the steps of runs, as evidence of what was done. Those who may do or decide a step attach files
 * while it is open ({@link RunAccess#attaches}); whoever may see the step lists and downloads them; to anyone else
 * they do not exist. Once the step (or its run) is closed its attachments are frozen, so that an auditor sees what was
 * there when it closed, and none is ever removed: a wrong file is superseded by another with a description saying so.
 * An attachment locks its run's row, as every change of a run does, so that one racing the step's completion either
 * lands before it or is refused.
 */
@Service
class StepAttachments {

    /** The longest description an attachment keeps. */
    static final int MAX_DESCRIPTION = 500;

    private final IdentityManagement identity;
    private final ProcedureRuns runs;
    private final ProcedureRunStore store;
    private final StepAttachmentStore attachments;
    private final RunChanges changes;
    private final FileReception reception;
    private final Clock clock;

    StepAttachments(
            IdentityManagement identity,
            ProcedureRuns runs,
            ProcedureRunStore store,
            StepAttachmentStore attachments,
            RunChanges changes,
            Clock clock,
            @Value("${cairn.isms.attachments.max-file-size:25MB}") DataSize limit) {
        this.identity = identity;
        this.runs = runs;
        this.store = store;
        this.attachments = attachments;
        this.changes = changes;
        this.clock = clock;
        this.reception = new FileReception(limit, AttachmentRefusals.FILE_TOO_LARGE, AttachmentRefusals.FILE_EMPTY);
    }

    /** The largest file attached, in words such as {@code 25 MB}. */
    String limit() {
        return reception.limitInWords();
    }

    /**
     * Attaches a file to a step; {@code fileName} and {@code mediaType} as its sender gave them. A refused file stores
     * nothing.
     */
    @Transactional
    Outcome<StepAttachment> attach(
            RunStepId id,
            @Nullable String fileName,
            @Nullable String mediaType,
            @Nullable String description,
            InputStream content) {
        Actor actor = identity.requireActor();
        Outcome<Map.Entry<ProcedureRun, RunStep>> found = runs.visibleStep(id, actor)
                .flatMap(
                        step -> mayAttach(actor, step.getKey(), step.getValue()).map(ok -> step));
        if (found instanceof Outcome.Refused<Map.Entry<ProcedureRun, RunStep>> refused) {
            return Outcome.refused(refused.refusal());
        }
        Optional<Refusal> badDescription = descriptionProblem(description);
        if (badDescription.isPresent()) {
            return Outcome.refused(badDescription.get());
        }
        Outcome<ReceivedFile> received = reception.receive("file", content);
        if (received instanceof Outcome.Refused<ReceivedFile> refused) {
            return Outcome.refused(refused.refusal());
        }
        try (ReceivedFile file = ((Outcome.Done<ReceivedFile>) received).value()) {
            ProcedureRun run = ((Outcome.Done<Map.Entry<ProcedureRun, RunStep>>) found)
                    .value()
                    .getKey();
            return stored(run.id(), id, actor, new Given(fileName, mediaType, description), file);
        }
    }

    private record Given(
            @Nullable String fileName,
            @Nullable String mediaType,
            @Nullable String description) {}

    /** Stores the file under the run's lock, if the step is still open then. */
    private Outcome<StepAttachment> stored(
            ProcedureRunId runId, RunStepId id, Actor actor, Given given, ReceivedFile file) {
        ProcedureRun locked = store.lockedById(runId).orElseThrow();
        RunStep step = locked.step(id).orElseThrow();
        Optional<Refusal> frozen = frozen(locked, step);
        if (frozen.isPresent()) {
            return Outcome.refused(frozen.get());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        StepAttachmentStore.Stored attachment = new StepAttachmentStore.Stored(
                StepAttachmentId.random(),
                id,
                FileNames.shown(given.fileName(), "attachment"),
                mediaTypeOf(given.mediaType()),
                file.sniffedType(),
                file.size(),
                file.sha256(),
                descriptionOf(given.description()),
                actor.id(),
                now);
        attachments.insert(runId, attachment, file);
        StepAttachment shown = attachment.named(actor.displayName());
        changes.attached(locked, step, shown, actor.ref());
        return Outcome.done(shown);
    }

    /** The attachments of a step the signed-in user may see, oldest first. */
    @Transactional(readOnly = true)
    Outcome<List<StepAttachment>> of(RunStepId id) {
        Actor actor = identity.requireActor();
        return runs.visibleStep(id, actor).map(found -> named(attachments.ofStep(id)));
    }

    /** The attachments of each step of a run the signed-in user reads in full, by step; nothing for another reader. */
    @Transactional(readOnly = true)
    Map<RunStepId, List<StepAttachment>> ofRun(ProcedureRunId id) {
        Actor actor = identity.requireActor();
        if (store.byId(id).filter(run -> RunAccess.readsInFull(actor, run)).isEmpty()) {
            return Map.of();
        }
        Map<RunStepId, List<StepAttachment>> byStep = new LinkedHashMap<>();
        for (StepAttachment attachment : named(attachments.ofRun(id))) {
            byStep.computeIfAbsent(attachment.step(), step -> new java.util.ArrayList<>())
                    .add(attachment);
        }
        return byStep;
    }

    /** The bytes of an attachment of a step the signed-in user may see. */
    @Transactional(readOnly = true)
    Outcome<StepAttachmentStore.Content> content(RunStepId id, StepAttachmentId attachment) {
        Actor actor = identity.requireActor();
        return runs.visibleStep(id, actor)
                .flatMap(found -> attachments
                        .content(id, attachment)
                        .<Outcome<StepAttachmentStore.Content>>map(Outcome::done)
                        .orElseGet(() -> Outcome.refused(Refusal.of(
                                Refusal.Kind.NOT_FOUND, SharedRefusals.NOT_FOUND, "attachment " + attachment))));
    }

    /** Whether the signed-in user may attach a file to the step now. */
    @Transactional(readOnly = true)
    boolean mayAttach(RunStepId id) {
        Actor actor = identity.requireActor();
        return runs.visibleStep(id, actor).flatMap(found -> mayAttach(actor, found.getKey(), found.getValue()))
                instanceof Outcome.Done<RunStep>;
    }

    private static Outcome<RunStep> mayAttach(Actor actor, ProcedureRun run, RunStep step) {
        if (!RunAccess.attaches(actor, run, step)) {
            return Outcome.refused(Refusal.forbidden(AttachmentRefusals.NOT_YOURS, step.title()));
        }
        return frozen(run, step).<Outcome<RunStep>>map(Outcome::refused).orElseGet(() -> Outcome.done(step));
    }

    private static Optional<Refusal> frozen(ProcedureRun run, RunStep step) {
        if (!run.isOpen()) {
            return Optional.of(Refusal.conflict(
                    AttachmentRefusals.RUN_CLOSED, run.reference(), run.state().code()));
        }
        if (!step.isStarted()) {
            return Optional.of(Refusal.conflict(AttachmentRefusals.STEP_WAITING, step.title()));
        }
        if (!step.isOpen()) {
            return Optional.of(Refusal.conflict(
                    AttachmentRefusals.STEP_CLOSED, step.title(), step.state().code()));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> descriptionProblem(@Nullable String description) {
        return description != null && description.strip().length() > MAX_DESCRIPTION
                ? Optional.of(Refusal.invalid("description", AttachmentRefusals.DESCRIPTION_TOO_LONG, MAX_DESCRIPTION))
                : Optional.empty();
    }

    private static @Nullable String descriptionOf(@Nullable String description) {
        if (description == null) {
            return null;
        }
        String kept = description.replaceAll("[\\p{Cntrl}&&[^\\n]]", "").strip();
        return kept.isEmpty() ? null : kept;
    }

    /** The declared type if it is one, without parameters; {@code application/octet-stream} otherwise. */
    private static String mediaTypeOf(@Nullable String declared) {
        if (declared == null || declared.isBlank() || declared.length() > 200) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
        try {
            MediaType type = MediaType.parseMediaType(declared);
            return type.isConcrete()
                    ? type.getType() + "/" + type.getSubtype()
                    : MediaType.APPLICATION_OCTET_STREAM_VALUE;
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
    }

    private List<StepAttachment> named(List<StepAttachmentStore.Stored> stored) {
        List<UserId> people = stored.stream()
                .map(StepAttachmentStore.Stored::attachedBy)
                .distinct()
                .toList();
        Map<UserId, String> names = people.isEmpty() ? Map.of() : identity.displayNames(people);
        return stored.stream()
                .map(one -> one.named(
                        names.getOrDefault(one.attachedBy(), one.attachedBy().toString())))
                .toList();
    }
}
