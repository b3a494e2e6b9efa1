package io.cairn.federation;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A provider peer's message was verified and stored, accepted to be applied to the incident it is about (applying
 * follows, apart: the message's row says what became of it). The audit trail keeps the SHA-256 of the signed message
 * as received, the receipt a chain auditor asks this hop for.
 *
 * @param exchangeId the provider's exchange id of the incident
 * @param actor the provider, as the channel that delivered it
 * @param sha256 hex SHA-256 of the JWS as received
 */
public record ProviderMessageReceived(
        UUID messageId,
        UUID exchangeId,
        PeerId peer,
        long version,
        ActorRef actor,
        Instant at,
        Outcome outcome,
        String sha256)
        implements AuditableEvent {

    /** What became of the message. */
    public enum Outcome implements AuditVerb {
        /** Stored, to be applied. */
        ACCEPTED
    }

    @Override
    public String action() {
        return "federation-message." + outcome.code();
    }

    @Override
    public String objectType() {
        return "federation-message";
    }

    @Override
    public String objectId() {
        return messageId.toString();
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
