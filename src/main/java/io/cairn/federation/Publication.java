package io.cairn.federation;

import io.cairn.incidents.IncidentId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What this instance publishes of one incident: the exchange id minted for it, the version of the last message sent,
 * the words sent with it, the incident part of the last message, and its audience.
 *
 * @param exchangeId the incident's id in the exchange, never its own id
 * @param exchangeVersion the version of the last message sent about it
 * @param sent the incident part of the last message, as JSON, without its provenance entry
 * @param state {@code published}, or {@code retracted}: published no more
 * @param version counts changes of the publication, for writers that race
 */
record Publication(
        IncidentId incident,
        UUID exchangeId,
        long exchangeVersion,
        PublicationWords words,
        String sent,
        String state,
        @Nullable String retractionReason,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<Member> audience) {

    Publication {
        audience = List.copyOf(audience);
    }

    /** One subscription of the audience: chosen by a handler or by its publication rule. */
    record Member(SubscriptionId subscription, String chosenBy, Instant addedAt) {}

    /** The same publication, retracted for the reason. */
    Publication retractedFor(String reason) {
        return new Publication(
                incident,
                exchangeId,
                exchangeVersion,
                words,
                sent,
                "retracted",
                reason,
                createdAt,
                updatedAt,
                version,
                audience);
    }

    boolean retracted() {
        return "retracted".equals(state);
    }

    boolean reaches(SubscriptionId subscription) {
        return audience.stream().anyMatch(member -> member.subscription().equals(subscription));
    }
}
