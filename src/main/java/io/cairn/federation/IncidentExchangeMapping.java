package io.cairn.federation;

import io.cairn.incidents.Category;
import io.cairn.incidents.Determination;
import io.cairn.incidents.Severity;
import io.cairn.incidents.Status;
import io.cairn.shared.Outcome;
import io.cairn.shared.Pap;
import io.cairn.shared.Refusal;
import io.cairn.shared.Tlp;

/**
 * The mapping between an incident as this instance shares it and the {@code incident} part of a message, both ways,
 * losing nothing the format carries. An incident marked TLP:RED has no message: RED never leaves the instance.
 */
final class IncidentExchangeMapping {

    private IncidentExchangeMapping() {}

    /** The message's incident part of a shared incident; refused for TLP:RED. */
    static Outcome<ExchangeMessage.Incident> toMessage(SharedIncident incident) {
        if (incident.tlp() == Tlp.RED) {
            return Outcome.refused(Refusal.conflict("tlp", FederationRefusals.RED_NEVER_LEAVES));
        }
        SharedIncident.Sharing sharing = incident.sharing();
        return Outcome.done(new ExchangeMessage.Incident(
                incident.exchangeId(),
                incident.version(),
                incident.title(),
                incident.summary(),
                new ExchangeMessage.Category(
                        incident.category().rsitClass(), incident.category().rsitType()),
                incident.status().code(),
                incident.determination().code(),
                incident.severity().code(),
                incident.occurredAt(),
                incident.detectedAt(),
                incident.updatedAt(),
                sharing.affectedServices(),
                sharing.recommendedActions(),
                sharing.indicators(),
                sharing.personalData(),
                incident.tlp().label(),
                incident.pap().label(),
                sharing.hopBudget(),
                sharing.provenance(),
                sharing.extensions()));
    }

    /** The shared incident a (valid) message's incident part holds. */
    static SharedIncident fromMessage(ExchangeMessage.Incident incident) {
        return new SharedIncident(
                incident.id(),
                incident.version(),
                incident.title(),
                incident.summary(),
                new Category(
                        incident.category().rsitClass(), incident.category().type()),
                Status.fromCode(incident.status()),
                Determination.fromCode(incident.determination()),
                Severity.fromCode(incident.severity()),
                incident.occurredAt(),
                incident.detectedAt(),
                incident.updatedAt(),
                Tlp.fromLabel(incident.tlp()),
                Pap.fromLabel(incident.pap()),
                new SharedIncident.Sharing(
                        incident.affectedServices(),
                        incident.recommendedActions(),
                        incident.indicators(),
                        incident.personalData(),
                        incident.hopBudget(),
                        incident.provenance(),
                        incident.extensions()));
    }
}
