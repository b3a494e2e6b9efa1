package io.cairn.federation;

import io.cairn.incidents.Determination;
import io.cairn.incidents.Severity;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A provider's rule for publishing to one subscription without a handler's decision: every incident that matches the
 * subscription's filter and this rule, for example every confirmed incident on service X of severity high or above.
 *
 * @param confirmedOnly only incidents whose determination is confirmed
 * @param minSeverity the lowest severity published automatically; null for every severity
 * @param services some of this instance's services; empty for every service the filter lets through
 * @param relayReceived whether incidents received from providers are relayed by this rule too (CLEAR and GREEN only)
 */
public record PublicationRule(
        boolean confirmedOnly, @Nullable Severity minSeverity, Set<UUID> services, boolean relayReceived) {

    public PublicationRule {
        services = Set.copyOf(services);
    }

    /** Whether an incident with these facts is published automatically (the filter is checked apart). */
    public boolean covers(Determination determination, Severity severity, Collection<UUID> affectedServices) {
        return (!confirmedOnly || determination == Determination.CONFIRMED)
                && (minSeverity == null || severity.compareTo(minSeverity) >= 0)
                && (services.isEmpty() || affectedServices.stream().anyMatch(services::contains));
    }
}
