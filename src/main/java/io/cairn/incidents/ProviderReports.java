package io.cairn.incidents;

import io.cairn.incidents.channels.ProviderChannel;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents that provider peers published to this instance (see the interface): reported through {@link Reporting}
 * without a reporter and marked with the provider's name ({@code incident.received_from}), and their markings changed
 * as the provider changes them, in the shape of every change (lock, verb, save, timeline, event).
 */
@Service
class ProviderReports implements ProviderChannel {

    private final Reporting reporting;
    private final IncidentChanges changes;
    private final Incidents incidents;
    private final Timeline timeline;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ProviderReports(
            Reporting reporting,
            IncidentChanges changes,
            Incidents incidents,
            Timeline timeline,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.reporting = reporting;
        this.changes = changes;
        this.incidents = incidents;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    @Transactional
    public Outcome<IncidentView> reportReceived(String provider, ActorRef channel, NewIncident report) {
        return reporting
                .reportReceived(channel, report.detectedByDefault(DetectionSource.EXTERNAL, provider))
                .map(view -> {
                    jdbc.sql("update incident set received_from = ? where id = ?")
                            .params(provider, view.id().value())
                            .update();
                    return view;
                });
    }

    @Override
    @Transactional
    public Optional<IncidentView> remarkAsProvider(IncidentId id, ActorRef channel, Tlp tlp, Pap pap, String reason) {
        return incidents.findLockedById(id.value()).map(incident -> {
            String before = IncidentChanges.digest(incident);
            Instant now = changes.now();
            // the reason is never blank here, so lowering the marking is allowed and mark refuses nothing
            incident.mark(tlp, pap, incident.confidential(), reason, now);
            incidents.save(incident);
            IncidentMarked marked = new IncidentMarked(
                    id,
                    channel,
                    now,
                    incident.status(),
                    tlp,
                    pap,
                    incident.confidential(),
                    reason,
                    before,
                    IncidentChanges.digest(incident));
            timeline.append(
                    id,
                    now,
                    channel,
                    marked.verb(),
                    IncidentChanges.details(
                            "tlp", tlp.label(), "pap", pap.label(), "confidential", incident.confidential()),
                    reason);
            events.publishEvent(marked);
            return changes.view(incident);
        });
    }

    @Override
    @Transactional
    public void markRelayed(IncidentId id, Instant at) {
        jdbc.sql("update incident set relayed_at = coalesce(relayed_at, ?) where id = ?")
                .params(java.sql.Timestamp.from(at), id.value())
                .update();
    }
}
