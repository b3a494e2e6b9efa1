package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.incidents.channels.ReporterChannels;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reports, notes and answers for a reporter whom an intake channel identified (see the interface); the work is
 * {@link Reporting}'s and {@link Conversation}'s, whose methods for it only this package can call.
 */
@Service
class ChannelReports implements ReporterChannels {

    private final Reporting reporting;
    private final Conversation conversation;
    private final ObservableKeeping observables;

    ChannelReports(Reporting reporting, Conversation conversation, ObservableKeeping observables) {
        this.reporting = reporting;
        this.conversation = conversation;
        this.observables = observables;
    }

    @Override
    public Outcome<IncidentView> reportFor(Actor reporter, NewIncident report) {
        return reporting.reportFor(reporter, report);
    }

    @Override
    public Outcome<IncidentView> reportAnonymously(NewIncident report) {
        return reporting.reportAnonymously(report);
    }

    @Override
    public Optional<TimelineEntry> replyFor(Actor reporter, IncidentId id, String reply) {
        return conversation.replyFor(reporter, id, reply);
    }

    @Override
    public Optional<TimelineEntry> addChannelNote(IncidentId id, ActorRef channel, String text) {
        return conversation.addChannelNote(id, channel, text);
    }

    @Override
    public Optional<ReporterView> reporterViewByFollowUpCode(IncidentId id) {
        return conversation.reporterViewByFollowUpCode(id);
    }

    @Override
    public Optional<TimelineEntry> replyByFollowUpCode(IncidentId id, String reply) {
        return conversation.replyByFollowUpCode(id, reply);
    }

    @Override
    public int addObserved(IncidentId id, ActorRef channel, ObservableSource source, List<ObservedValue> values) {
        return observables.addObserved(id, channel, source, values);
    }
}
