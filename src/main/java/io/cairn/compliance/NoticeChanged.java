package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The notice to the people a breach concerns changed: people were imported into its list, its text was written, its
 * sending started (the text frozen), a privacy officer settled deliveries of unknown outcome, bounces came back, or the
 * list was erased at the end of its retention (the counts kept). The digests cover the list's counts, never the people.
 *
 * @param objectId the obligation and the stage, {@code <obligation>/<stage>}
 */
public record NoticeChanged(
        IncidentId incident,
        String objectId,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the notice. */
    public enum Verb implements AuditVerb {
        IMPORTED,
        WRITTEN,
        SEND_STARTED,
        UNKNOWN_SETTLED,
        BOUNCES_RECORDED,
        ERASED
    }

    /** The object id of an obligation's stage. */
    static String of(UUID obligation, String stage) {
        return obligation + "/" + stage;
    }

    @Override
    public String action() {
        return "data-subject-notice." + verb.code();
    }

    @Override
    public String objectType() {
        return "data-subject-notice";
    }
}
