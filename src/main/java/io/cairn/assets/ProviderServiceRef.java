package io.cairn.assets;

import java.util.UUID;

/**
 * A service that a provider offers this organisation, as an opaque reference: which peer offers it, its id there,
 * and its name as last seen. The assets module does not know peers; {@link ProviderServices} finds these.
 *
 * @param peer the provider peer's id
 * @param service the service's id at that provider
 * @param name the service's name as the provider last gave it
 */
public record ProviderServiceRef(UUID peer, UUID service, String name) {}
