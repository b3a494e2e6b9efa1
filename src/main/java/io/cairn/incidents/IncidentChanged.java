package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An incident changed through one of its verbs.
 *
 * @param verb the verb, for example {@code assigned}, {@code transitioned}, {@code noted}
 * @param status the status after the change
 */
public record IncidentChanged(IncidentId incident, ActorRef actor, Instant at, String verb, Status status,
        String digestBefore, String digestAfter) implements AuditableEvent {

    /**
     * The verbs whose after-digest is the digest of the incident's whole state ({@code Incident.snapshot()}); the
     * others (a note, a link, the conversation with the reporter) leave the state as it was and chain their own
     * content into the after-digest instead. Verification compares an incident's stored state with the latest of
     * these.
     */
    static final Set<String> STATE_VERBS = Set.of("assigned", "reprioritised", "recategorised", "transitioned",
            "marked", "described", "times-recorded", "merged", "merged-in");

    @Override
    public String action() {
        return "incident." + verb;
    }

    @Override
    public String objectType() {
        return "incident";
    }

    @Override
    public String objectId() {
        return incident.toString();
    }

    @Override
    public Optional<String> beforeDigest() {
        return Optional.of(digestBefore);
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.of(digestAfter);
    }
}
