package io.cairn.federation;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * A decision about sharing an incident with customers: a handler or a rule published it to subscriptions, a handler
 * changed its words, a change of the incident was published anew (or as a change of marking), or it was retracted.
 *
 * @param exchangeVersion the version of the message the decision sent, or of the last one when it sent none
 */
public record PublicationChanged(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Verb verb,
        long exchangeVersion,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What was decided. */
    public enum Verb implements AuditVerb {
        /** Published to subscriptions (the first time, or to more of them). */
        PUBLISHED,
        /** A handler changed the words sent with it. */
        REWORDED,
        /** A change of the incident was published anew to the audience. */
        UPDATED,
        /** A change of its marking was published to the audience. */
        MARKING_CHANGED,
        /** Retracted: published no more. */
        RETRACTED
    }

    @Override
    public String action() {
        return "federation-publication." + verb.code();
    }

    @Override
    public String objectType() {
        return "federation-publication";
    }

    @Override
    public String objectId() {
        return incident.toString();
    }
}
