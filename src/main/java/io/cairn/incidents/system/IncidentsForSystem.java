package io.cairn.incidents.system;

import io.cairn.identity.Actor;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentObservable;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.SimilarIncident;
import io.cairn.shared.WithoutAccessChecks;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incidents read without a signed-in user and without checking rights: only for other modules' schedulers and
 * reactions, never to show to a user. Not audited as reads.
 */
@WithoutAccessChecks
public interface IncidentsForSystem {

    /** The most earlier incidents {@link #similarIncidents} answers at once. */
    int MAX_SIMILAR = 50;

    /** One incident, for a reaction or a scheduler (SLA clocks, routing, recurrence). */
    Optional<IncidentView> incident(IncidentId id);

    /**
     * Several incidents by id, for schedulers (the SLA scanner reads a batch of due clocks' incidents at once). Ids of
     * incidents that do not exist are absent from the answer.
     */
    Map<IncidentId, IncidentView> incidents(Collection<IncidentId> ids);

    /**
     * Those of the incidents that the reader may see, by the rule the incidents module applies to a signed-in user:
     * for a module that lists records of many incidents for a person, also for one who is not signed in (a calendar
     * feed read with its holder's secret). Ids of incidents that do not exist, or that the reader may not see, are
     * absent from the answer.
     */
    Map<IncidentId, IncidentView> incidentsSeenBy(Actor reader, Collection<IncidentId> ids);

    /** Whether the reader sees every incident, confidential ones too, so that a list needs to leave nothing out. */
    boolean seesEveryIncident(Actor reader);

    /**
     * Whether this user reads the incident in full, by the rule the incidents module applies to a signed-in user: staff
     * who see it, not its reporter (who reads the reporter's view) nor another team that sees only its task. False for
     * an incident that does not exist. For a module that decides whether someone other than the signed-in user may be
     * given something of the incident, such as the receiver of its evidence.
     */
    boolean readsInFull(Actor reader, IncidentId id);

    /** Whether this user may handle (change) the incident, by the rule of every change of it; false if it is absent. */
    boolean handles(Actor actor, IncidentId id);

    /** The observables of an incident, oldest first, without the other incidents that share them (for publishing). */
    List<IncidentObservable> observables(IncidentId id);

    /**
     * The earlier incidents that resemble this one, reported within {@code window} before it: those about the same
     * asset, and those of the same category whose text holds most of this one's significant words; most alike first,
     * at most {@code limit} (1 to {@value #MAX_SIMILAR}). Only for recurrence detection, which shows users only the
     * incidents they may see.
     */
    List<SimilarIncident> similarIncidents(IncidentId id, Duration window, int limit);
}
