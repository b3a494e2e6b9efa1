package io.cairn.federation;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * A subscription changed: on the provider side a customer peer subscribed or cancelled, or an admin set or cleared its
 * publication rule; on the customer side an admin subscribed this instance at a provider or cancelled that.
 *
 * @param upstream whether it is one of this instance's subscriptions at its providers (else a customer's at it)
 */
public record SubscriptionChanged(
        SubscriptionId subscription,
        PeerId peer,
        boolean upstream,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the subscription. */
    public enum Verb implements AuditVerb {
        SUBSCRIBED,
        CANCELLED,
        RULE_SET,
        RULE_CLEARED
    }

    @Override
    public String action() {
        return objectType() + "." + verb.code();
    }

    @Override
    public String objectType() {
        return upstream ? "federation-upstream-subscription" : "federation-subscription";
    }

    @Override
    public String objectId() {
        return subscription.toString();
    }
}
