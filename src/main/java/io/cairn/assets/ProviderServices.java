package io.cairn.assets;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The services this organisation's providers offer it, for a service to name the one it runs on. The federation
 * module implements it; until a bean of it exists, no provider is registered, the field is hidden in the UI and
 * refused in the API.
 */
public interface ProviderServices {

    /** Every provider service that a service may run on, by provider and name. */
    List<ProviderServiceRef> offered();

    /** The provider service with this id at this peer, if the peer offers it. */
    Optional<ProviderServiceRef> find(UUID peer, UUID service);
}
