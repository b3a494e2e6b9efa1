package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.WithoutAccessChecks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on an incident and the conversation with its reporter: handlers ask, the reporter answers (signed in, by
 * mail, or with a follow-up code), and the reporter reads their report's status and the conversation. Each note and
 * turn lands in the timeline and publishes an event the audit trail records.
 */
@Component
class Conversation {

    private final IncidentChanges changes;
    private final Incidents incidents;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;

    Conversation(IncidentChanges changes, Incidents incidents, Timeline timeline, ApplicationEventPublisher events) {
        this.changes = changes;
        this.incidents = incidents;
        this.timeline = timeline;
        this.events = events;
    }

    /** Adds a note; handlers, privacy officers and the reporter of the incident may. */
    @Transactional
    Outcome<TimelineEntry> addNote(IncidentId id, IncidentCommands.AddNote command) {
        Actor actor = changes.actor();
        Optional<Incident> found = changes.seen(actor, id);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        if (!IncidentAccess.mayAddNote(actor, found.get())) {
            return Outcome.refused(Refusal.forbidden(IncidentRefusals.MAY_NOT_NOTE));
        }
        return Outcome.done(note(found.get(), actor.ref(), command.text()));
    }

    /** Adds a note written by an intake channel rather than a person; only for intake's channels. */
    @Transactional
    @WithoutAccessChecks
    Optional<TimelineEntry> addChannelNote(IncidentId id, ActorRef channel, String text) {
        return incidents.findById(id.value()).map(incident -> note(incident, channel, text));
    }

    private TimelineEntry note(Incident incident, ActorRef by, String text) {
        String before = IncidentChanges.digest(incident);
        Instant now = changes.now();
        TimelineEntry note = timeline.append(incident.id(), now, by, Timeline.NOTE, Map.of(), text.trim());
        events.publishEvent(new IncidentNoted(
                incident.id(),
                by,
                now,
                incident.status(),
                note.id(),
                before,
                ContentDigest.of(before + "|note:" + note.id()).hex()));
        return note;
    }

    /** A handler asks the reporter a question; the reporter reads it in their follow-up view. */
    @Transactional
    Outcome<TimelineEntry> askReporter(IncidentId id, IncidentCommands.AddNote question) {
        Actor actor = changes.actor();
        Optional<Incident> found = changes.seen(actor, id);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        if (!IncidentAccess.mayHandle(actor, found.get())) {
            return Outcome.refused(Refusal.forbidden(IncidentRefusals.MAY_NOT_ASK));
        }
        return Outcome.done(ask(found.get(), actor.ref(), question.text()));
    }

    /** The signed-in reporter of the incident answers, or adds to their report. */
    @Transactional
    Outcome<TimelineEntry> replyAsReporter(IncidentId id, IncidentCommands.AddNote reply) {
        Actor actor = changes.actor();
        return incidents
                .findById(id.value())
                .filter(i -> i.reportedBy(actor.id()))
                .<Outcome<TimelineEntry>>map(i -> Outcome.done(answer(i, actor.ref(), reply.text())))
                .orElseGet(() -> Outcome.refused(Refusal.notFound("a report of yours with id " + id)));
    }

    /** The reporter answers through another channel than signing in; only for intake's channels. */
    @Transactional
    @WithoutAccessChecks
    Optional<TimelineEntry> replyFor(Actor reporter, IncidentId id, String reply) {
        return incidents
                .findById(id.value())
                .filter(i -> i.reportedBy(reporter.id()))
                .map(i -> answer(i, reporter.ref(), reply));
    }

    /** An anonymous reporter answers, after intake checked the follow-up code; only for intake's channels. */
    @Transactional
    @WithoutAccessChecks
    Optional<TimelineEntry> replyByFollowUpCode(IncidentId id, String reply) {
        return incidents.findById(id.value()).map(i -> answer(i, IncidentManagement.ANONYMOUS, reply));
    }

    /** What the signed-in reporter sees of an incident they reported: status, outcome and the conversation. */
    @Transactional(readOnly = true)
    Optional<ReporterView> reporterView(IncidentId id) {
        Actor actor = changes.actor();
        return incidents
                .findById(id.value())
                .filter(i -> i.reportedBy(actor.id()))
                .map(this::reporterView);
    }

    /** What an anonymous reporter sees, after intake checked the follow-up code; only for intake's channels. */
    @Transactional(readOnly = true)
    @WithoutAccessChecks
    Optional<ReporterView> reporterViewByFollowUpCode(IncidentId id) {
        return incidents.findById(id.value()).map(this::reporterView);
    }

    private ReporterView reporterView(Incident incident) {
        IncidentView view = changes.view(incident);
        List<TimelineEntry> conversation = timeline.of(view.id()).stream()
                .filter(entry -> ReporterView.SHOWN.contains(entry.kind()))
                .map(entry -> switch (entry.kind()) {
                    case IncidentTransitioned.VERB -> entry.withoutNote().signedBy(ReporterView.TEAM);
                    case ReporterAsked.VERB -> entry.signedBy(ReporterView.TEAM);
                    default -> entry;
                })
                .toList();
        return new ReporterView(
                view.id(),
                view.reference(),
                view.title(),
                view.status(),
                view.reportedAt(),
                view.dismissalReason(),
                conversation);
    }

    /** A handler's question to the reporter, in the timeline and the audit trail; the reporter is told. */
    private TimelineEntry ask(Incident incident, ActorRef by, String question) {
        Instant now = changes.now();
        String before = IncidentChanges.digest(incident);
        TimelineEntry entry = timeline.append(incident.id(), now, by, ReporterAsked.VERB, Map.of(), question.trim());
        events.publishEvent(new ReporterAsked(
                incident.id(),
                by,
                now,
                incident.status(),
                entry.id(),
                incident.reference(),
                incident.title(),
                incident.reporter().orElse(null),
                question.trim(),
                before,
                conversed(before, ReporterAsked.VERB, entry)));
        return entry;
    }

    /** The reporter's answer, in the timeline and the audit trail; the incident's handlers are told. */
    private TimelineEntry answer(Incident incident, ActorRef by, String answer) {
        Instant now = changes.now();
        String before = IncidentChanges.digest(incident);
        TimelineEntry entry = timeline.append(incident.id(), now, by, ReporterAnswered.VERB, Map.of(), answer.trim());
        events.publishEvent(new ReporterAnswered(
                incident.id(),
                by,
                now,
                incident.status(),
                entry.id(),
                incident.reference(),
                incident.title(),
                incident.owner().orElse(null),
                incident.team().orElse(null),
                before,
                conversed(before, ReporterAnswered.VERB, entry)));
        return entry;
    }

    /** The after-digest of a turn of the conversation: the state's digest chained with the turn's entry. */
    private static String conversed(String before, String verb, TimelineEntry entry) {
        return ContentDigest.of(before + "|" + verb + ":" + entry.id()).hex();
    }
}
