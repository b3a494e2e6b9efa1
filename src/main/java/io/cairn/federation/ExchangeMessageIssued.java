package io.cairn.federation;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One message about an incident was issued to one subscription, published from this instance's own incident or relayed
 * from a provider's: this hop's record of the issue, which a chain auditor asks it to prove. The record's object is the
 * copy ({@code <exchange id>/<version>/<subscription>}) and its digest the SHA-256 of the signed message as sent, which
 * is the digest the next hop records on its receipt.
 *
 * @param incident the local incident the message is about
 * @param kind publication, marking or retraction
 * @param sha256 hex SHA-256 of the JWS as sent
 */
public record ExchangeMessageIssued(
        IncidentId incident,
        UUID exchangeId,
        long version,
        SubscriptionId subscription,
        String kind,
        Verb verb,
        ActorRef actor,
        Instant at,
        String sha256)
        implements AuditableEvent {

    /**
     * Whether the message is about this instance's own incident or relays a provider's, or is one of those issued
     * again with fresh times and the active key (it expired, or its key did, before it could leave).
     */
    public enum Verb implements AuditVerb {
        PUBLISHED,
        RELAYED,
        REISSUED
    }

    @Override
    public String action() {
        return "exchange-message." + verb.code();
    }

    @Override
    public String objectType() {
        return "exchange-message";
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
