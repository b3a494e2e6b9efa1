package io.cairn.isms.runs;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;

/** An incident a run raised from a finding, as the run shows it. */
public record RaisedIncident(IncidentId id, String reference, String title) {

    static RaisedIncident of(IncidentView incident) {
        return new RaisedIncident(incident.id(), incident.reference(), incident.title());
    }
}
