package io.cairn.federation;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A provider stated that an incident it published to this instance is a personal-data breach: published once per
 * incident (with the first version that states it), for the privacy officers to assess, and for the regulatory clocks
 * to start from.
 *
 * @param reference the incident's reference here, such as {@code INC-42}
 * @param title the incident's title as the provider gives it
 * @param provider the provider's name as this instance registered it
 * @param awareAt when the provider became aware of the breach, if it says
 * @param categories the categories of personal data concerned
 * @param subjects about how many people are concerned
 * @param records about how many records are concerned
 * @param actor the provider, as the channel that delivered it
 * @param at when this instance received the statement
 */
public record PersonalDataBreachReceived(
        IncidentId incident,
        String reference,
        String title,
        PeerId peer,
        String provider,
        @Nullable Instant awareAt,
        List<String> categories,
        long subjects,
        long records,
        ActorRef actor,
        Instant at)
        implements AuditableEvent {

    public PersonalDataBreachReceived {
        categories = List.copyOf(categories);
    }

    @Override
    public String action() {
        return "incident.personal-data-breach-received";
    }

    @Override
    public String objectType() {
        return "incident";
    }

    @Override
    public String objectId() {
        return incident.toString();
    }

    @Override
    public Optional<String> beforeDigest() {
        return Optional.empty();
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.empty();
    }
}
