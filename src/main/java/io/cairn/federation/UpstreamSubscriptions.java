package io.cairn.federation;

import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * This instance's own record of the subscriptions it holds at its providers, under the ids the providers gave them.
 * A record is written only after the provider answered (subscribed, cancelled), each in one transaction with its
 * audit record; the calls to the provider happen before, outside any transaction.
 */
@Service
class UpstreamSubscriptions {

    private final SubscriptionStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UpstreamSubscriptions(SubscriptionStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<UpstreamSubscription> all() {
        return store.upstream((PeerId) null);
    }

    @Transactional(readOnly = true)
    Optional<UpstreamSubscription> byId(SubscriptionId id) {
        return store.upstream(id);
    }

    /** Records a subscription the provider made, under its id. */
    @Transactional
    Outcome<UpstreamSubscription> subscribed(
            SubscriptionId id, PeerId provider, SubscriptionFilter filter, ActorRef actor) {
        if (store.upstream(id).isPresent()) {
            return Outcome.refused(Refusal.invalid(
                    ProviderCalls.FIELD, SubscriptionRefusals.PROVIDER_GARBAGE, provider, "an id it gave before"));
        }
        store.addUpstream(id, provider, filter, clock.instant());
        return Outcome.done(published(id, SubscriptionChanged.Verb.SUBSCRIBED, null, actor));
    }

    /** Records that the provider cancelled the subscription, at the version the admin read. */
    @Transactional
    Outcome<UpstreamSubscription> cancelled(SubscriptionId id, long version, ActorRef actor) {
        Optional<UpstreamSubscription> found = store.upstream(id);
        if (found.isEmpty()) {
            return Outcome.refused(CustomerSubscriptions.notFound(id));
        }
        if (found.get().version() != version || !store.cancelUpstream(id, version, clock.instant())) {
            return Outcome.refused(Refusal.stale(version, found.get().version()));
        }
        return Outcome.done(published(id, SubscriptionChanged.Verb.CANCELLED, found.get(), actor));
    }

    private UpstreamSubscription published(
            SubscriptionId id, SubscriptionChanged.Verb verb, @Nullable UpstreamSubscription before, ActorRef actor) {
        UpstreamSubscription after = store.upstream(id).orElseThrow();
        Instant now = clock.instant();
        events.publishEvent(new SubscriptionChanged(
                id,
                after.peer(),
                true,
                actor,
                now,
                verb,
                Optional.ofNullable(before).map(UpstreamSubscriptions::digest),
                Optional.of(digest(after))));
        return after;
    }

    private static String digest(UpstreamSubscription subscription) {
        return ContentDigest.of(subscription.peer() + "\n" + subscription.filter() + "\n" + subscription.state())
                .hex();
    }
}
