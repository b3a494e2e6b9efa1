package io.cairn.federation;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * This instance published an incident that states a personal-data breach to customers that did not receive it before:
 * as their processor, it told those controllers (GDPR Art 33(2)) through the exchange. Not audited on its own: the
 * publication it is part of is.
 *
 * @param exchangeId the incident's id in the exchange, the reference the customers know it by
 * @param exchangeVersion the version of the message that told them
 * @param customers the names of the customers told, as this instance registered them
 * @param actor who published it: a handler, or a publication rule
 */
public record PersonalDataBreachPublished(
        IncidentId incident,
        UUID exchangeId,
        long exchangeVersion,
        List<String> customers,
        ActorRef actor,
        Instant at) {

    public PersonalDataBreachPublished {
        customers = List.copyOf(customers);
    }
}
