package io.cairn.federation;

import io.cairn.assets.AssetManagement;
import io.cairn.assets.ServiceSummary;
import io.cairn.incidents.Determination;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.Severity;
import io.cairn.intake.providers.ProviderIntake;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Applies a provider's message to the incident it is about, in the caller's transaction: the first version becomes a
 * report in intake; a later one adds a note that lists what changed, its new indicators, a retraction or the
 * provider's change of marking, and replaces the snapshot of what the provider states. The local triage (priority,
 * owner, status, description) is never overwritten. A personal-data breach is flagged once per incident.
 */
@Component
class ReceivedIncidents {

    private final ProviderIntake intake;
    private final ReceivedMessages store;
    private final AssetManagement assets;
    private final ApplicationEventPublisher events;
    private final RelayFollowing relaying;
    private final Clock clock;

    ReceivedIncidents(
            ProviderIntake intake,
            ReceivedMessages store,
            AssetManagement assets,
            ApplicationEventPublisher events,
            RelayFollowing relaying,
            Clock clock) {
        this.intake = intake;
        this.store = store;
        this.assets = assets;
        this.events = events;
        this.relaying = relaying;
        this.clock = clock;
    }

    /** The channel the timeline and the audit trail name for what a provider sent. */
    static ActorRef channel(PeerView peer) {
        return new ActorRef("peer:" + peer.id(), peer.name());
    }

    /**
     * Opens the report of the first version received of an incident, and answers the received incident as stored;
     * refused when intake refuses the report.
     */
    Outcome<ReceivedMessages.ReceivedIncident> first(ExchangeMessage message, PeerView peer) {
        ExchangeMessage.Incident incident = message.incident();
        ActorRef channel = channel(peer);
        return intake.open(peer.name(), channel, report(incident, peer)).map(view -> {
            IncidentId id = view.id();
            ProviderIntake.Observed observed = intake.observe(id, channel, indicators(incident));
            intake.note(id, channel, firstNote(message, peer, observed));
            Instant now = clock.instant();
            ExchangeMessage.Retraction retraction = message.retraction();
            ReceivedMessages.ReceivedIncident received = new ReceivedMessages.ReceivedIncident(
                    peer.id(),
                    incident.id(),
                    id,
                    view.reference(),
                    peer.name(),
                    incident.version(),
                    ExchangeJson.MAPPER.writeValueAsString(incident),
                    "[]",
                    retraction != null ? now : null,
                    retraction != null ? retraction.reason() : null,
                    null,
                    now,
                    now);
            store.add(received);
            flagPersonalData(message, peer, id, view.reference());
            relaying.follow(id, null);
            return received;
        });
    }

    /** The report the incident becomes in intake: in the business unit the provider's incidents belong to. */
    private static ProviderIntake.ProviderReport report(ExchangeMessage.Incident incident, PeerView peer) {
        return new ProviderIntake.ProviderReport(
                incident.title(),
                incident.summary(),
                new io.cairn.incidents.Category(
                        incident.category().rsitClass(), incident.category().type()),
                Severity.fromCode(incident.severity()),
                Determination.fromCode(incident.determination()),
                incident.occurredAt(),
                incident.detectedAt(),
                Tlp.fromLabel(incident.tlp()),
                Pap.fromLabel(incident.pap()),
                peer.businessUnit());
    }

    /** Applies a version higher than the one applied before, and answers the received incident as now stored. */
    ReceivedMessages.ReceivedIncident later(
            ExchangeMessage message, PeerView peer, ReceivedMessages.ReceivedIncident known) {
        ExchangeMessage.Incident incident = message.incident();
        ActorRef channel = channel(peer);
        JsonNode after = ExchangeJson.MAPPER.valueToTree(incident);
        List<SnapshotChanges.Change> changes =
                SnapshotChanges.between(ExchangeJson.MAPPER.readTree(known.snapshot()), after);
        ProviderIntake.Observed observed = intake.observe(known.incident(), channel, indicators(incident));
        Instant now = clock.instant();
        Instant retractedAt = known.retractedAt();
        String reason = known.retractionReason();
        ExchangeMessage.Retraction retraction = message.retraction();
        if (retraction != null) {
            retractedAt = now;
            reason = retraction.reason();
        }
        intake.note(known.incident(), channel, laterNote(message, peer, changes, observed));
        remark(message, peer, known.incident());
        ReceivedMessages.ReceivedIncident updated = new ReceivedMessages.ReceivedIncident(
                known.peer(),
                known.exchangeId(),
                known.incident(),
                known.reference(),
                known.providerName(),
                incident.version(),
                after.toString(),
                ExchangeJson.MAPPER.writeValueAsString(
                        changes.stream().map(SnapshotChanges.Change::toString).toList()),
                retractedAt,
                reason,
                known.personalDataAt(),
                known.receivedAt(),
                now);
        store.update(updated);
        flagPersonalData(message, peer, known.incident(), known.reference());
        relaying.follow(known.incident(), null);
        return updated;
    }

    /** The timeline note of a later version: what changed, indicators left out, a retraction. */
    private static String laterNote(
            ExchangeMessage message,
            PeerView peer,
            List<SnapshotChanges.Change> changes,
            ProviderIntake.Observed observed) {
        StringBuilder note =
                new StringBuilder("Version " + message.incident().version() + " from " + peer.name() + ": ");
        note.append(changes.isEmpty() ? "nothing changed that this instance shows." : "what changed:");
        changes.forEach(change -> note.append("\n- ").append(change));
        invalid(note, observed);
        ExchangeMessage.Retraction retraction = message.retraction();
        if (retraction != null) {
            note.append("\n\nRetracted by the provider: ").append(retraction.reason());
        }
        return note.toString();
    }

    /** Gives the incident the provider's new marking, when the message changes it. */
    private void remark(ExchangeMessage message, PeerView peer, IncidentId incident) {
        ExchangeMessage.MarkingChange marking = message.markingChange();
        if (marking != null) {
            intake.remark(
                    incident,
                    channel(peer),
                    Tlp.fromLabel(message.incident().tlp()),
                    Pap.fromLabel(message.incident().pap()),
                    "The provider " + peer.name() + " changed the marking: " + marking.reason());
        }
    }

    private void flagPersonalData(ExchangeMessage message, PeerView peer, IncidentId id, String reference) {
        ExchangeMessage.PersonalData data = message.incident().personalData();
        if (data == null || !data.breach()) {
            return;
        }
        Instant now = clock.instant();
        if (store.flagPersonalData(peer.id(), message.incident().id(), now)) {
            events.publishEvent(new PersonalDataBreachReceived(
                    id,
                    reference,
                    message.incident().title(),
                    peer.id(),
                    peer.name(),
                    data.awareAt(),
                    data.dataCategories(),
                    data.approximateSubjects(),
                    data.approximateRecords(),
                    channel(peer),
                    now));
        }
    }

    private String firstNote(ExchangeMessage message, PeerView peer, ProviderIntake.Observed observed) {
        ExchangeMessage.Incident incident = message.incident();
        StringBuilder note = new StringBuilder("Received from the provider " + peer.name() + " (version "
                + incident.version() + ", TLP:" + incident.tlp() + ", PAP:" + incident.pap() + ").");
        if (!incident.recommendedActions().isEmpty()) {
            note.append("\n\nRecommended actions:");
            incident.recommendedActions().forEach(action -> note.append("\n- ").append(action));
        }
        if (!incident.affectedServices().isEmpty()) {
            note.append("\n\nAffected services at the provider:");
            for (ExchangeMessage.AffectedService service : incident.affectedServices()) {
                note.append("\n- ").append(service.name());
                List<ServiceSummary> ours = assets.servicesRunningOn(peer.id().value(), service.id());
                if (!ours.isEmpty()) {
                    note.append(" (ours that depend on it: ")
                            .append(ours.stream()
                                    .map(ServiceSummary::name)
                                    .sorted()
                                    .collect(Collectors.joining(", ")))
                            .append(")");
                }
            }
        }
        invalid(note, observed);
        ExchangeMessage.Retraction retraction = message.retraction();
        if (retraction != null) {
            note.append("\n\nRetracted by the provider: ").append(retraction.reason());
        }
        return note.toString();
    }

    private static void invalid(StringBuilder note, ProviderIntake.Observed observed) {
        if (!observed.invalid().isEmpty()) {
            note.append("\n\nIndicators left out, as no valid value of their type:");
            observed.invalid().forEach(why -> note.append("\n- ").append(why));
        }
    }

    private static List<ProviderIntake.Indicator> indicators(ExchangeMessage.Incident incident) {
        List<ProviderIntake.Indicator> indicators = new ArrayList<>();
        incident.indicators()
                .forEach(i -> indicators.add(
                        new ProviderIntake.Indicator(i.type(), i.value(), i.ioc(), Tlp.fromLabel(i.tlp()))));
        return indicators;
    }
}
