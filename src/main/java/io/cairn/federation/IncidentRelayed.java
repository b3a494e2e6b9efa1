package io.cairn.federation;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A copy of a received incident was relayed to one subscription: this hop's record of the relay, which a chain auditor
 * asks it to prove. The record's object is the copy ({@code <exchange id>/<version>/<subscription>}) and its digest
 * the SHA-256 of the signed message as sent, which is the digest the next hop records on its receipt.
 *
 * @param incident the local incident relayed
 * @param sha256 hex SHA-256 of the JWS as sent
 */
public record IncidentRelayed(
        IncidentId incident,
        UUID exchangeId,
        long version,
        SubscriptionId subscription,
        String kind,
        ActorRef actor,
        Instant at,
        String sha256)
        implements AuditableEvent {

    /** The one verb of this event. */
    enum Verb implements AuditVerb {
        RELAYED
    }

    @Override
    public String action() {
        return "federation-relay." + Verb.RELAYED.code();
    }

    @Override
    public String objectType() {
        return "federation-relay";
    }

    @Override
    public String objectId() {
        return exchangeId + "/" + version + "/" + subscription;
    }

    @Override
    public Optional<String> beforeDigest() {
        return Optional.empty();
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.of(sha256);
    }
}
