package io.cairn.incidents;

import io.cairn.assets.AssetManagement;
import io.cairn.assets.ServiceId;
import io.cairn.assets.ServiceSummary;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The incidents as the signed-in user may see and change them ({@link IncidentAccess} has the rules), and the shape
 * every change has: lock, check rights and version, apply the verb, save, append to the timeline, publish the event.
 */
@Component
class IncidentChanges {

    private final Incidents incidents;
    private final AffectedServices affected;
    private final AssetManagement assets;
    private final Timeline timeline;
    private final PriorityMatrices matrices;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcClient jdbc;

    IncidentChanges(
            Incidents incidents,
            AffectedServices affected,
            AssetManagement assets,
            Timeline timeline,
            PriorityMatrices matrices,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            Clock clock,
            JdbcClient jdbc) {
        this.incidents = incidents;
        this.affected = affected;
        this.assets = assets;
        this.timeline = timeline;
        this.matrices = matrices;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** The signed-in user; fails without one. */
    Actor actor() {
        return identity.requireActor();
    }

    /** The time now, by the configured clock. */
    Instant now() {
        return clock.instant();
    }

    /** One incident, if the actor may see it. */
    Optional<Incident> seen(Actor actor, IncidentId id) {
        return incidents.findById(id.value()).filter(incident -> IncidentAccess.maySee(actor, incident));
    }

    /** One incident, if the actor may change it. */
    Optional<Incident> handleable(Actor actor, IncidentId id) {
        return incidents.findById(id.value()).filter(incident -> IncidentAccess.mayHandle(actor, incident));
    }

    /** One incident, if the signed-in user may see it; a read of a confidential incident is audited. */
    Optional<Incident> visible(IncidentId id, ConfidentialIncidentViewed.Part what) {
        Actor actor = actor();
        Optional<Incident> found = seen(actor, id);
        found.filter(Incident::confidential)
                .ifPresent(incident ->
                        events.publishEvent(new ConfidentialIncidentViewed(id, actor.ref(), clock.instant(), what)));
        return found;
    }

    /**
     * The incident as people read it, with the labels of the priority matrix in force; for staff, with the services it
     * affects, which only staff read (as they alone read the services), and the provider it was received from and
     * whether it was relayed, which a reporter does not need (a received incident has no reporter).
     */
    IncidentView view(Incident incident) {
        IncidentView view = incident.view(matrices.current());
        boolean staff = identity.currentActor()
                .filter(IncidentAccess::seesOthersIncidents)
                .isPresent();
        if (!staff) {
            return view;
        }
        Passage passage = jdbc.sql("select received_from, relayed_at is not null as relayed from incident where id = ?")
                .param(incident.id().value())
                .query((row, n) -> new Passage(row.getString("received_from"), row.getBoolean("relayed")))
                .optional()
                .orElse(new Passage(null, false));
        return view.forStaff(affectedServices(incident.id()), passage.receivedFrom(), passage.relayed());
    }

    /** Where a received incident came from, and whether it went on. */
    private record Passage(@Nullable String receivedFrom, boolean relayed) {}

    /** The services the incident affects, by name. */
    List<ServiceSummary> affectedServices(IncidentId id) {
        List<ServiceId> named = affected.of(id);
        return named.isEmpty() ? List.of() : assets.serviceSummaries(named);
    }

    /**
     * Loads the incident, checks that the actor may handle it and that they saw the stored version, applies the verb,
     * saves, appends to the timeline under the verb of the change's event and publishes that event; a refusal leaves
     * everything as it was.
     */
    Outcome<IncidentView> change(
            IncidentId id,
            long expectedVersion,
            Function<Incident, Optional<Refusal>> apply,
            Function<Incident, Map<String, String>> facts,
            @Nullable String note,
            Change changed) {
        Actor actor = actor();
        Outcome<Incident> found = lockedForChange(actor, id, expectedVersion);
        if (found instanceof Outcome.Refused<Incident> refused) {
            return Outcome.refused(refused.refusal());
        }
        Incident incident = ((Outcome.Done<Incident>) found).value();
        String before = digest(incident);
        Optional<Refusal> refusal = apply.apply(incident);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        incidents.save(incident);
        Instant now = clock.instant();
        IncidentChanged.StateChange event = changed.of(incident, actor.ref(), now, before, digest(incident));
        timeline.append(id, now, actor.ref(), event.verb(), facts.apply(incident), note);
        events.publishEvent(event);
        return Outcome.done(view(incident));
    }

    private Outcome<Incident> lockedForChange(Actor actor, IncidentId id, long expectedVersion) {
        // Locked, so that of two writers with the same version the second sees the first one's version and is refused
        // here, as a value; the version check at the save cannot be caught inside the transaction: the repository's
        // own transaction boundary has already marked it rollback-only by then.
        Optional<Incident> found = incidents.findLockedById(id.value()).filter(i -> IncidentAccess.maySee(actor, i));
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        Incident incident = found.get();
        if (!IncidentAccess.mayHandle(actor, incident)) {
            return Outcome.refused(Refusal.forbidden(IncidentRefusals.MAY_NOT_CHANGE));
        }
        if (incident.version() != expectedVersion) {
            return Outcome.refused(Refusal.stale(expectedVersion, incident.version()));
        }
        return Outcome.done(incident);
    }

    /** The event of one verb's change, from the changed incident and what every change records. */
    @FunctionalInterface
    interface Change {
        IncidentChanged.StateChange of(
                Incident changed, ActorRef actor, Instant at, String digestBefore, String digestAfter);
    }

    /** The digest the audit trail records of the incident's state. */
    static String digest(Incident incident) {
        return ContentDigest.of(incident.snapshot()).hex();
    }

    /** The facts of a change for the timeline, from keys and values; an absent value is empty. */
    static Map<String, String> details(@Nullable Object... keysAndValues) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            details.put((String) keysAndValues[i], value == null ? "" : value.toString());
        }
        return details;
    }

    /** The text trimmed, or absent when there is none. */
    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
