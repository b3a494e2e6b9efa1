package io.cairn.federation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Subscriptions and catalogues as admins see them, with the peers named. */
public final class SubscriptionViews {

    private SubscriptionViews() {}

    /**
     * A subscription a customer holds at this instance.
     *
     * @param rule the publication rule; null when every publication is a handler's decision
     */
    public record Customers(
            SubscriptionId id,
            PeerId peer,
            String peerName,
            SubscriptionFilter filter,
            @Nullable PublicationRule rule,
            String state,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        static Customers of(Subscription subscription, String peerName) {
            return new Customers(
                    subscription.id(),
                    subscription.peer(),
                    peerName,
                    subscription.filter(),
                    subscription.rule(),
                    subscription.state(),
                    subscription.createdAt(),
                    subscription.updatedAt(),
                    subscription.version());
        }
    }

    /** A subscription this instance holds at a provider, under the provider's id. */
    public record Ours(
            SubscriptionId id,
            PeerId provider,
            String providerName,
            SubscriptionFilter filter,
            String state,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        static Ours of(UpstreamSubscription subscription, String providerName) {
            return new Ours(
                    subscription.id(),
                    subscription.peer(),
                    providerName,
                    subscription.filter(),
                    subscription.state(),
                    subscription.createdAt(),
                    subscription.updatedAt(),
                    subscription.version());
        }
    }

    /** One service in a provider's catalogue. */
    public record Offer(java.util.UUID id, String name, String description) {}

    /**
     * A provider's catalogue as last fetched.
     *
     * @param fetchedAt when it was fetched; null when it never was
     */
    public record Catalogue(
            PeerId provider, String providerName, @Nullable Instant fetchedAt, List<Offer> services) {

        public Catalogue {
            services = List.copyOf(services);
        }
    }
}
