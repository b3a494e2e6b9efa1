package io.cairn.federation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The JSON a provider answers about a subscription at {@code /federation/v1/subscriptions}, and that its customer
 * reads: the id the provider gave it, its filter, its state and when it was made.
 *
 * @param services the provider's service ids; empty for every service
 * @param minSeverity the lowest severity wanted; null for every one
 * @param categories RSIT classes or class/type pairs; empty for every category
 * @param state {@code active} or {@code cancelled}
 */
record SubscriptionJson(
        UUID id,
        List<UUID> services,
        @Nullable String minSeverity,
        List<String> categories,
        String state,
        Instant createdAt) {

    static SubscriptionJson of(Subscription subscription) {
        SubscriptionFilter filter = subscription.filter();
        return new SubscriptionJson(
                subscription.id().value(),
                filter.services().stream().sorted().toList(),
                filter.minSeverity() == null ? null : filter.minSeverity().code(),
                filter.categories(),
                subscription.state(),
                subscription.createdAt());
    }

    /** A subscription as a customer asks for it: {@code POST /federation/v1/subscriptions}. */
    record Request(List<UUID> services, @Nullable String minSeverity, List<String> categories) {}

    /** The list of a customer's subscriptions, as {@code GET /federation/v1/subscriptions} answers it. */
    record Listed(List<SubscriptionJson> subscriptions) {}

    /** One service of a provider's catalogue, as {@code GET /federation/v1/services} answers it. */
    record Offer(UUID id, String name, String description) {}

    /** A provider's catalogue, as {@code GET /federation/v1/services} answers it. */
    record Catalogue(List<Offer> services) {}
}
