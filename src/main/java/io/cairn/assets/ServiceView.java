package io.cairn.assets;

import io.cairn.identity.TeamId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A service as the registry shows it.
 *
 * @param dependsOn the services of this organisation it depends on, by name
 * @param dependents the services that depend on it directly, by name: what fails when it fails
 * @param provider the provider service it runs on, if any
 */
public record ServiceView(
        ServiceId id,
        String name,
        String description,
        TeamId ownerTeam,
        Criticality criticality,
        List<ServiceSummary> dependsOn,
        List<ServiceSummary> dependents,
        @Nullable ProviderServiceRef provider,
        boolean retired,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public ServiceView {
        dependsOn = List.copyOf(dependsOn);
        dependents = List.copyOf(dependents);
    }

    /** How other objects name it. */
    public ServiceSummary summary() {
        return new ServiceSummary(id, name, retired);
    }
}
