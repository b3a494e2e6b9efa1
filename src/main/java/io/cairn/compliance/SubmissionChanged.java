package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The report of an obligation's stage was drafted (a handler changed the draft), submitted, or corrected by a later
 * submission; the digests cover the draft's fields, and a submission's is the SHA-256 of the bytes it froze.
 *
 * @param objectId the obligation and the stage, {@code <obligation>/<stage>}
 */
public record SubmissionChanged(
        IncidentId incident,
        String objectId,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the stage's report. */
    public enum Verb implements AuditVerb {
        DRAFTED,
        SUBMITTED,
        CORRECTED
    }

    /** The object id of an obligation's stage. */
    static String of(UUID obligation, String stage) {
        return obligation + "/" + stage;
    }

    @Override
    public String action() {
        return "submission." + verb.code();
    }

    @Override
    public String objectType() {
        return "submission";
    }

    @Override
    public String objectId() {
        return objectId;
    }
}
