package io.cairn.handling;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * An admin added, changed, moved or removed a routing rule.
 *
 * @param verb {@code added}, {@code changed}, {@code moved} or {@code removed}
 */
public record RoutingRuleChanged(String rule, ActorRef actor, Instant at, String verb,
        Optional<String> beforeDigest, Optional<String> afterDigest) implements AuditableEvent {

    @Override
    public String action() {
        return "routing-rule." + verb;
    }

    @Override
    public String objectType() {
        return "routing-rule";
    }

    @Override
    public String objectId() {
        return rule;
    }
}
