package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.Tlp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The observables of incidents: read by whoever may read the incident in full, with the other incidents that share
 * each one and that the reader may see; added, revised and removed by those who may change the incident, and added
 * by intake's channels from alerts and reported mail. Each change is on the timeline and in the audit trail.
 */
@Component
class ObservableKeeping {

    /** The most observables a channel adds at once; the rest of a mail's links are left out. */
    static final int MAX_FROM_CHANNEL = 100;

    /** The most incidents a search answers. */
    static final int MAX_SEARCH = 100;

    private final IncidentChanges changes;
    private final Incidents incidents;
    private final Observables observables;
    private final ObservableTypes types;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;

    ObservableKeeping(
            IncidentChanges changes,
            Incidents incidents,
            Observables observables,
            ObservableTypes types,
            Timeline timeline,
            ApplicationEventPublisher events) {
        this.changes = changes;
        this.incidents = incidents;
        this.observables = observables;
        this.types = types;
        this.timeline = timeline;
        this.events = events;
    }

    /** The observable types, in the order of their lists. */
    Outcome<String> normalise(String type, String value) {
        return types.normalise(type, value);
    }

    List<ObservableType> types() {
        return types.all();
    }

    /** Whether the signed-in user may read the incident's observables. */
    @Transactional(readOnly = true)
    boolean mayRead(IncidentId id) {
        return readable(changes.actor(), id).isPresent();
    }

    /** Whether the signed-in user may add, revise and remove the incident's observables. */
    @Transactional(readOnly = true)
    boolean mayChange(IncidentId id) {
        return changes.handleable(changes.actor(), id).isPresent();
    }

    /** The incident's observables with the incidents that share them; empty for a reader who may not read them. */
    @Transactional
    Optional<List<IncidentObservable>> list(IncidentId id) {
        Actor actor = changes.actor();
        Optional<Incident> incident = readable(actor, id);
        incident.filter(Incident::confidential)
                .ifPresent(confidential -> events.publishEvent(new ConfidentialIncidentViewed(
                        id, actor.ref(), changes.now(), ConfidentialIncidentViewed.Part.OBSERVABLES)));
        return incident.map(found -> withSeenIn(actor, id, observables.of(id)));
    }

    /** The incidents the signed-in user may read in full that have this observable, given in any of its forms. */
    @Transactional(readOnly = true)
    Outcome<List<SeenIn>> search(String type, String value) {
        Actor actor = changes.actor();
        if (!IncidentAccess.seesOthersIncidents(actor)) {
            return Outcome.refused(Refusal.forbidden(ObservableRefusals.STAFF_ONLY));
        }
        Optional<ObservableType> known = types.find(type);
        return types.normalise(type, value)
                .map(normal -> observables.incidentsWith(known.orElseThrow().code(), normal, actor, MAX_SEARCH));
    }

    /** Adds an observable for a handler; an observable the incident already has is refused as a conflict. */
    @Transactional
    Outcome<IncidentObservable> add(IncidentId id, ObservableCommands.Add command) {
        Actor actor = changes.actor();
        Outcome<Incident> found = changeable(actor, id);
        if (found instanceof Outcome.Refused<Incident> refused) {
            return Outcome.refused(refused.refusal());
        }
        Incident incident = ((Outcome.Done<Incident>) found).value();
        Optional<Refusal> noteProblem = noteProblem(command.note());
        if (noteProblem.isPresent()) {
            return Outcome.refused(noteProblem.get());
        }
        Outcome<String> value = types.normalise(command.type(), command.value());
        if (value instanceof Outcome.Refused<String> refused) {
            return Outcome.refused(refused.refusal());
        }
        IncidentObservable added = observable(
                command.type(),
                ((Outcome.Done<String>) value).value(),
                command.tlp() == null ? incident.tlp() : command.tlp(),
                command.ioc() == null || command.ioc(),
                ObservableSource.HANDLER,
                IncidentChanges.blankToNull(command.note()),
                actor.ref());
        if (!observables.add(id, added, actor.ref().id())) {
            return Outcome.refused(Refusal.conflict("value", ObservableRefusals.ALREADY_THERE));
        }
        Map<String, String> facts = facts(added);
        timeline.append(id, added.addedAt(), actor.ref(), ObservableAdded.VERB, facts, null);
        events.publishEvent(added(incident, actor.ref(), added));
        return Outcome.done(withSeenIn(actor, id, List.of(added)).get(0));
    }

    /** Changes the marking, the IOC flag or the note of an observable, if the caller saw its stored version. */
    @Transactional
    Outcome<IncidentObservable> revise(IncidentId id, ObservableId observable, ObservableCommands.Revise command) {
        Actor actor = changes.actor();
        Outcome<IncidentObservable> current = current(actor, id, observable, command.version());
        if (current instanceof Outcome.Refused<IncidentObservable> refused) {
            return refused;
        }
        Optional<Refusal> noteProblem = noteProblem(command.note());
        if (noteProblem.isPresent()) {
            return Outcome.refused(noteProblem.get());
        }
        IncidentObservable before = ((Outcome.Done<IncidentObservable>) current).value();
        Tlp tlp = command.tlp() == null ? before.tlp() : command.tlp();
        boolean ioc = command.ioc() == null ? before.ioc() : command.ioc();
        String note = command.note() == null ? before.note() : IncidentChanges.blankToNull(command.note());
        if (!observables.revise(id, observable, tlp, ioc, note, command.version())) {
            return Outcome.refused(lost(id, observable, command.version()));
        }
        IncidentObservable after = observables.find(id, observable).orElseThrow();
        Incident incident = incidents.findById(id.value()).orElseThrow();
        Instant now = changes.now();
        timeline.append(id, now, actor.ref(), ObservableRevised.VERB, facts(after), null);
        String digestBefore = IncidentChanges.digest(incident);
        events.publishEvent(new ObservableRevised(
                id,
                actor.ref(),
                now,
                incident.status(),
                observable,
                after.type(),
                after.value(),
                tlp,
                ioc,
                digestBefore,
                digestAfter(digestBefore, ObservableRevised.VERB, after)));
        return Outcome.done(withSeenIn(actor, id, List.of(after)).get(0));
    }

    /** Removes an observable, if the caller saw its stored version. */
    @Transactional
    Outcome<ObservableId> remove(IncidentId id, ObservableId observable, long version) {
        Actor actor = changes.actor();
        Outcome<IncidentObservable> current = current(actor, id, observable, version);
        if (current instanceof Outcome.Refused<IncidentObservable> refused) {
            return Outcome.refused(refused.refusal());
        }
        IncidentObservable removed = ((Outcome.Done<IncidentObservable>) current).value();
        if (!observables.remove(id, observable, version)) {
            return Outcome.refused(lost(id, observable, version));
        }
        Incident incident = incidents.findById(id.value()).orElseThrow();
        Instant now = changes.now();
        timeline.append(id, now, actor.ref(), ObservableRemoved.VERB, facts(removed), null);
        String digestBefore = IncidentChanges.digest(incident);
        events.publishEvent(new ObservableRemoved(
                id,
                actor.ref(),
                now,
                incident.status(),
                observable,
                removed.type(),
                removed.value(),
                removed.tlp(),
                removed.ioc(),
                digestBefore,
                digestAfter(digestBefore, ObservableRemoved.VERB, removed)));
        return Outcome.done(observable);
    }

    /**
     * Adds what an intake channel observed, without access checks: each valid value the incident does not have yet,
     * marked as its source marked it or else as the incident is, an indicator of compromise when an alert carried it; invalid values and those past
     * {@value #MAX_FROM_CHANNEL} are left out. One timeline entry says how many were added.
     */
    @Transactional
    int addObserved(IncidentId id, ActorRef channel, ObservableSource source, List<ObservedValue> values) {
        Optional<Incident> found = incidents.findById(id.value());
        if (found.isEmpty() || values.isEmpty()) {
            return 0;
        }
        Incident incident = found.get();
        int added = 0;
        for (ObservedValue observed : values.subList(0, Math.min(values.size(), MAX_FROM_CHANNEL))) {
            Optional<String> normal =
                    types.normalise(observed.type(), observed.value()) instanceof Outcome.Done<String> d
                            ? Optional.of(d.value())
                            : Optional.empty();
            if (normal.isEmpty()) {
                continue;
            }
            IncidentObservable observable = observable(
                    observed.type(),
                    normal.get(),
                    observed.tlp() == null ? incident.tlp() : observed.tlp(),
                    source == ObservableSource.ALERT || observed.ioc(),
                    source,
                    null,
                    channel);
            if (observables.add(id, observable, null)) {
                events.publishEvent(added(incident, channel, observable));
                added++;
            }
        }
        if (added > 0) {
            Map<String, String> facts = Map.of("count", String.valueOf(added), "source", source.code());
            timeline.append(id, changes.now(), channel, ObservableAdded.VERB, facts, null);
        }
        return added;
    }

    private IncidentObservable observable(
            String type,
            String value,
            Tlp tlp,
            boolean ioc,
            ObservableSource source,
            @Nullable String note,
            ActorRef by) {
        ObservableType known = types.find(type).orElseThrow();
        return new IncidentObservable(
                ObservableId.random(),
                known.code(),
                known.label(),
                value,
                tlp,
                ioc,
                source,
                note,
                by.name(),
                changes.now(),
                0,
                List.of());
    }

    private static ObservableAdded added(Incident incident, ActorRef by, IncidentObservable observable) {
        String before = IncidentChanges.digest(incident);
        return new ObservableAdded(
                incident.id(),
                by,
                observable.addedAt(),
                incident.status(),
                observable.id(),
                observable.type(),
                observable.value(),
                observable.tlp(),
                observable.ioc(),
                before,
                digestAfter(before, ObservableAdded.VERB, observable));
    }

    private static String digestAfter(String before, String verb, IncidentObservable observable) {
        return ContentDigest.of(before + "|" + verb + ":" + observable.id() + ":" + observable.type() + ":"
                        + observable.value() + ":" + observable.tlp().label() + ":" + observable.ioc())
                .hex();
    }

    /**
     * What the timeline says of a handler's change: type, marking and flag, not the value, because the timeline is
     * also the reporter's and the reporter does not read the observables.
     */
    private static Map<String, String> facts(IncidentObservable observable) {
        return Map.of(
                "type", observable.type(), "tlp", observable.tlp().label(), "ioc", String.valueOf(observable.ioc()));
    }

    private List<IncidentObservable> withSeenIn(Actor reader, IncidentId id, List<IncidentObservable> list) {
        Map<ObservableId, List<SeenIn>> seen = observables.seenIn(id, reader);
        return list.stream()
                .map(observable -> observable.withSeenIn(seen.getOrDefault(observable.id(), List.of())))
                .toList();
    }

    /** The incident, if the actor may read it in full: staff who see it, not its reporter alone. */
    private Optional<Incident> readable(Actor actor, IncidentId id) {
        return changes.seen(actor, id).filter(incident -> IncidentAccess.mayReadInFull(actor, incident));
    }

    private Outcome<Incident> changeable(Actor actor, IncidentId id) {
        Optional<Incident> incident = readable(actor, id);
        if (incident.isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        if (!IncidentAccess.mayHandle(actor, incident.get())) {
            return Outcome.refused(Refusal.forbidden(IncidentRefusals.MAY_NOT_CHANGE));
        }
        return Outcome.done(incident.get());
    }

    private Outcome<IncidentObservable> current(Actor actor, IncidentId id, ObservableId observable, long version) {
        Outcome<Incident> incident = changeable(actor, id);
        if (incident instanceof Outcome.Refused<Incident> refused) {
            return Outcome.refused(refused.refusal());
        }
        Optional<IncidentObservable> found = observables.find(id, observable);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("observable " + observable));
        }
        if (found.get().version() != version) {
            return Outcome.refused(Refusal.stale(version, found.get().version()));
        }
        return Outcome.done(found.get());
    }

    /** Why a change whose version was current a moment ago found another writer's change, or none, in its place. */
    private Refusal lost(IncidentId id, ObservableId observable, long version) {
        return observables
                .find(id, observable)
                .map(stored -> Refusal.stale(version, stored.version()))
                .orElseGet(() -> Refusal.notFound("observable " + observable));
    }

    private static Optional<Refusal> noteProblem(@Nullable String note) {
        return note != null && note.strip().length() > ObservableCommands.MAX_NOTE
                ? Optional.of(Refusal.invalid("note", ObservableRefusals.NOTE_TOO_LONG, ObservableCommands.MAX_NOTE))
                : Optional.empty();
    }
}
