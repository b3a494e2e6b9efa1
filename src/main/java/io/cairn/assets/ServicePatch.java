package io.cairn.assets;

import io.cairn.identity.TeamId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change of a service: each field that is given replaces the stored one, each that is absent stays as it is.
 *
 * @param dependsOn the services it depends on from now on, all of them; absent keeps them
 * @param provider the provider service it runs on from now on; absent keeps it
 * @param clearProvider true to make it run on no provider's service
 * @param retired true to retire it, false to restore it
 */
public record ServicePatch(
        @Nullable String name,
        @Nullable String description,
        @Nullable TeamId ownerTeam,
        @Nullable Criticality criticality,
        @Nullable List<ServiceId> dependsOn,
        ServiceDefinition.@Nullable ProviderKey provider,
        boolean clearProvider,
        @Nullable Boolean retired) {

    /** A patch that retires or restores the service and changes nothing else. */
    static ServicePatch retiring(boolean retired) {
        return new ServicePatch(null, null, null, null, null, null, false, retired);
    }
}
