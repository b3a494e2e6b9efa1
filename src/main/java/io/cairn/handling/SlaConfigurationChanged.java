package io.cairn.handling;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * An admin created, changed or removed a business-hour calendar, an SLA policy or an escalation level.
 *
 * @param verb {@code created}, {@code changed} or {@code removed}
 * @param objectType {@code sla-calendar}, {@code sla-policy} or {@code escalation-level}
 */
public record SlaConfigurationChanged(String verb, String objectType, String objectId, ActorRef actor, Instant at,
        Optional<String> beforeDigest, Optional<String> afterDigest) implements AuditableEvent {

    @Override
    public String action() {
        return objectType + "." + verb;
    }
}
