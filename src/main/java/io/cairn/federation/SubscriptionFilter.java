package io.cairn.federation;

import io.cairn.incidents.Category;
import io.cairn.incidents.Severity;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a customer wants its provider to publish to it. An incident matches when it names one of the services (or the
 * filter names none), is at least as severe as the minimum (or there is none), and is of one of the categories (or
 * the filter names none).
 *
 * @param services the provider's service ids; empty for every service
 * @param minSeverity the lowest severity wanted; null for every severity
 * @param categories RSIT classes ({@code intrusions}) or class/type pairs ({@code intrusions/system-compromise});
 *     empty for every category
 */
public record SubscriptionFilter(
        Set<UUID> services, @Nullable Severity minSeverity, List<String> categories) {

    public SubscriptionFilter {
        services = Set.copyOf(services);
        categories = List.copyOf(categories);
    }

    /** Whether an incident of this severity and category, naming these of the provider's services, matches. */
    public boolean matches(Severity severity, Category category, Collection<UUID> affectedServices) {
        return (services.isEmpty() || affectedServices.stream().anyMatch(services::contains))
                && (minSeverity == null || severity.compareTo(minSeverity) >= 0)
                && (categories.isEmpty()
                        || categories.contains(category.rsitClass())
                        || categories.contains(category.rsitClass() + "/" + category.rsitType()));
    }
}
