package io.cairn.incidents.channels;

import io.cairn.identity.Actor;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.incidents.ObservableSource;
import io.cairn.incidents.ObservedValue;
import io.cairn.incidents.ReporterView;
import io.cairn.incidents.TimelineEntry;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.WithoutAccessChecks;
import java.util.List;
import java.util.Optional;

/**
 * Reports, notes and answers that an intake channel makes for a reporter it identified, without a signed-in user and
 * without the checks of who may see an incident: the channel established who is writing, and about which incident.
 */
@WithoutAccessChecks
public interface ReporterChannels {

    /**
     * Reports a new incident for a known person who did not sign in, such as the sender of a mail from the address of
     * their account. The channel may route it; the person cannot assign it.
     */
    Outcome<IncidentView> reportFor(Actor reporter, NewIncident report);

    /**
     * Reports a new incident for a person without an account: it has no reporter, and only the follow-up code that
     * intake hands out leads back to it. A template may route it to a team.
     */
    Outcome<IncidentView> reportAnonymously(NewIncident report);

    /**
     * The reporter of the incident answers through another channel than signing in, such as a reply by mail from
     * their address; empty if they did not report it.
     */
    Optional<TimelineEntry> replyFor(Actor reporter, IncidentId id, String reply);

    /**
     * Adds a note written by an intake channel rather than a person, such as that an attachment of a mailed report
     * was too large to keep, on an incident the channel has just opened or been led to.
     */
    Optional<TimelineEntry> addChannelNote(IncidentId id, ActorRef channel, String text);

    /** What an anonymous reporter sees, after intake checked the follow-up code that leads to this incident. */
    Optional<ReporterView> reporterViewByFollowUpCode(IncidentId id);

    /**
     * An anonymous reporter answers, after intake checked their follow-up code or knew the mail as a reply to the
     * incident's acknowledgement.
     */
    Optional<TimelineEntry> replyByFollowUpCode(IncidentId id, String reply);

    /**
     * Adds what the channel observed to the incident it opened or was led to, such as an alert's observables or the
     * links of a reported mail: each valid value the incident does not have yet, marked as the incident is, an
     * indicator of compromise when an alert carried it. Invalid values, and those past the first 100, are left out (a
     * channel that can refuse a value checks it first with {@code IncidentManagement.observableValue}).
     *
     * @return how many were added
     */
    int addObserved(IncidentId id, ActorRef channel, ObservableSource source, List<ObservedValue> values);
}
