package io.cairn.handling;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * An admin added, changed, moved or removed a routing rule.
 */
public record RoutingRuleChanged(
        String rule, ActorRef actor, Instant at, Verb verb, Optional<String> beforeDigest, Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the rule. */
    public enum Verb implements AuditVerb {
        ADDED,
        CHANGED,
        MOVED_UP,
        MOVED_DOWN,
        REMOVED
    }

    @Override
    public String action() {
        return "routing-rule." + verb.code();
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
