package io.cairn.federation;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * This instance read a page of a provider's feed for one of its subscriptions there, stored every message on it, and
 * moved its cursor past the page.
 *
 * @param actor the admin who asked to catch up, or the system on its schedule
 * @param messages how many messages the page held
 * @param cursor the provider's cursor after the page
 */
public record UpstreamFeedRead(SubscriptionId subscription, ActorRef actor, Instant at, int messages, String cursor)
        implements AuditableEvent {

    @Override
    public String action() {
        return "federation-upstream-subscription.feed-read";
    }

    @Override
    public String objectType() {
        return "federation-upstream-subscription";
    }

    @Override
    public String objectId() {
        return subscription.toString();
    }

    @Override
    public Optional<String> beforeDigest() {
        return Optional.empty();
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.of(io.cairn.shared.ContentDigest.of(cursor).hex());
    }
}
