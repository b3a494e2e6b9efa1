package io.cairn.isms;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * A run of a security procedure started, moved on, ended, or one of its steps was done, skipped or decided: the audit
 * trail records who, when, and digests of the run before and after (its steps with their notes included).
 *
 * @param run the run's id
 * @param reference the run's reference, such as {@code PRC-12}
 * @param procedureType the key of the procedure type it runs
 * @param step the title of the step that changed; empty when the run itself changed
 * @param attached for {@link Verb#STEP_ATTACHED}: the file attached to the step. Its record in the audit trail has the
 *     file's SHA-256 as its after-digest, so that the trail proves which bytes were attached
 */
public record ProcedureRunChanged(
        String run,
        String reference,
        String procedureType,
        Optional<String> step,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest,
        Optional<AttachedFile> attached)
        implements AuditableEvent {

    /** A change that attached no file. */
    public ProcedureRunChanged(
            String run,
            String reference,
            String procedureType,
            Optional<String> step,
            ActorRef actor,
            Instant at,
            Verb verb,
            Optional<String> beforeDigest,
            Optional<String> afterDigest) {
        this(run, reference, procedureType, step, actor, at, verb, beforeDigest, afterDigest, Optional.empty());
    }

    /** A file attached to a step: its name as given, its size in bytes and its SHA-256 computed by Cairn. */
    public record AttachedFile(String id, String fileName, long size, String sha256) {}

    /** What happened to the run. */
    public enum Verb implements AuditVerb {
        STARTED,
        ADVANCED,
        COMPLETED,
        CANCELLED,
        STEP_DONE,
        STEP_SKIPPED,
        STEP_APPROVED,
        STEP_ATTACHED,
        STEP_REJECTED,
        RAISED_INCIDENT,
        RAISED_RISK
    }

    @Override
    public String action() {
        return "procedure-run." + verb.code();
    }

    @Override
    public String objectType() {
        return "procedure-run";
    }

    @Override
    public String objectId() {
        return run;
    }
}
