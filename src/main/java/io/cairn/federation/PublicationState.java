package io.cairn.federation;

import io.cairn.incidents.IncidentId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What is shared of an incident, as a handler who may share it sees it: whether and under which exchange id it is
 * published, what its marking allows, the words that are (or will be) sent, and the subscriptions it matches or
 * reaches.
 *
 * @param published whether it was ever published
 * @param exchangeId its id in the exchange; null while it is not published
 * @param exchangeVersion the version of the last message sent; 0 while it is not published
 * @param state {@code unpublished}, {@code published} or {@code retracted}
 * @param tlp the incident's TLP marking
 * @param allows what the marking allows: {@code never} (RED), {@code own-organisation} (AMBER+STRICT: the customer's
 *     own organisation, never relayed), {@code own-customers} (AMBER: relayed only to the customer's own customers on
 *     a handler's choice), {@code relay} (GREEN, CLEAR)
 * @param words the words sent, or the words a first publication would send
 * @param subscriptions the active subscriptions the incident matches, and those that receive it already
 * @param version the publication's version, which a change must name; 0 while it is not published
 * @param relay for an incident received from a provider: what relaying it rests on; null for one reported here
 */
record PublicationState(
        IncidentId incident,
        boolean published,
        @Nullable UUID exchangeId,
        long exchangeVersion,
        String state,
        @Nullable String retractionReason,
        String tlp,
        String allows,
        PublicationWords words,
        List<Choice> subscriptions,
        long version,
        @Nullable Relay relay) {

    PublicationState {
        subscriptions = List.copyOf(subscriptions);
    }

    /**
     * What relaying a received incident rests on, as its handler sees it.
     *
     * @param provider the provider's name (shown to this instance's handlers, never sent on)
     * @param hopBudgetReceived the hop budget the provider sent; a relayed copy carries at most one less
     * @param namesProvider the fields of the copy, under the words shown, whose text names the provider
     * @param wordsFollow whether the words sent are still the provider's, so that its later versions bring new ones
     */
    record Relay(String provider, int hopBudgetReceived, List<String> namesProvider, boolean wordsFollow) {

        Relay {
            namesProvider = List.copyOf(namesProvider);
        }
    }

    /**
     * A subscription to choose, or that receives the incident already.
     *
     * @param chosenBy {@code handler} or {@code rule} when it receives the incident; null when it does not
     * @param active whether the subscription and its peer are active (a member of the audience may no longer be)
     */
    record Choice(
            SubscriptionId id,
            String peer,
            SubscriptionFilter filter,
            boolean receives,
            @Nullable String chosenBy,
            boolean active) {}
}
