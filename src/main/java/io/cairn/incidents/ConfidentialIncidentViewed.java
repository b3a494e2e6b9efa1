package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import java.time.Instant;
import java.util.Optional;

/**
 * Someone read a confidential incident; every such read is in the audit trail.
 *
 * @param what the part of the incident they read
 */
public record ConfidentialIncidentViewed(IncidentId incident, ActorRef actor, Instant at, Part what)
        implements IncidentEvent {

    /** A part of an incident whose read is audited on its own. */
    public enum Part {
        /** The incident's fields. */
        INCIDENT("incident"),
        /** Its timeline. */
        TIMELINE("timeline"),
        /** Its observables, and the other incidents that share them. */
        OBSERVABLES("observables");

        private final String code;

        Part(String code) {
            this.code = code;
        }

        /** The part as the audit trail names it. */
        public String code() {
            return code;
        }
    }

    @Override
    public String verb() {
        return "viewed-confidential-" + what.code();
    }

    @Override
    public Optional<String> beforeDigest() {
        return Optional.empty();
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.empty();
    }
}
