package io.cairn.federation;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** The catalogue of a provider peer, the services it offers this instance, was fetched from it and stored anew. */
public record ProviderCatalogueFetched(
        PeerId peer, ActorRef actor, Instant at, Optional<String> beforeDigest, Optional<String> afterDigest)
        implements AuditableEvent {

    @Override
    public String action() {
        return "federation-catalogue.fetched";
    }

    @Override
    public String objectType() {
        return "federation-catalogue";
    }

    @Override
    public String objectId() {
        return peer.toString();
    }
}
