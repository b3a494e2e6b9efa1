package io.cairn.assets;

import io.cairn.identity.TeamId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an admin gives for a service: the whole of it but its state. The registry checks it (see
 * {@link ServiceRules}); nothing here is trusted.
 *
 * @param dependsOn the other services of this organisation it depends on
 * @param provider the provider service it runs on, if any
 */
public record ServiceDefinition(
        @Nullable String name,
        @Nullable String description,
        @Nullable TeamId ownerTeam,
        @Nullable Criticality criticality,
        List<ServiceId> dependsOn,
        @Nullable ProviderKey provider) {

    /** A provider service as a caller names it: the peer and the service's id there. */
    public record ProviderKey(@Nullable UUID peer, @Nullable UUID service) {}

    public ServiceDefinition {
        dependsOn =
                dependsOn == null ? List.of() : dependsOn.stream().distinct().toList();
    }

    /** The name as stored: trimmed. */
    String trimmedName() {
        return name == null ? "" : name.trim();
    }

    /** The description as stored: trimmed, empty when none is given. */
    String trimmedDescription() {
        return description == null ? "" : description.trim();
    }
}
