package io.cairn.incidents.channels;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import io.cairn.shared.WithoutAccessChecks;
import java.util.Optional;

/**
 * Reports and changes of marking that intake makes for an incident a provider peer published to this instance,
 * without a signed-in user and without the checks of who may see an incident: federation verified the provider's
 * signature, and intake names the provider as the channel. Notes and observables go through {@link ReporterChannels}.
 */
@WithoutAccessChecks
public interface ProviderChannel {

    /**
     * Reports an incident a provider published: it has no reporter (no reporter of this instance sees it), is marked
     * as received from that provider, and is routed like any report.
     *
     * @param provider the provider's name as this instance registered it
     * @param channel who the timeline and the audit trail name as having reported it
     */
    Outcome<IncidentView> reportReceived(String provider, ActorRef channel, NewIncident report);

    /**
     * Marks the incident with the TLP and PAP its provider now gives it, keeping whether it is confidential, with the
     * provider's reason in the timeline and the audit trail; empty when there is no such incident.
     */
    Optional<IncidentView> remarkAsProvider(IncidentId id, ActorRef channel, Tlp tlp, Pap pap, String reason);

    /** Marks the received incident as relayed to this instance's customers, from this time on (the first relay's). */
    void markRelayed(IncidentId id, java.time.Instant at);
}
