package io.cairn.federation;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * This instance sent customers a version of an incident that states a personal-data breach (a first publication, one
 * to more customers, or a new version to its audience, such as a relayed copy after the provider stated the breach):
 * as their processor, it told those controllers (GDPR Art 33(2)) through the exchange. Not audited on its own: the
 * publication it is part of is.
 *
 * @param exchangeId the incident's id in the exchange, the reference the customers know it by
 * @param exchangeVersion the version of the message that told them
 * @param customers the names of the customers the version went to, as this instance registered them
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
