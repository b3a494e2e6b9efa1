package io.cairn.intake.system;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.WithoutAccessChecks;

/**
 * How the reporters of incidents can be reached, read without a signed-in user: only for other modules' reactions
 * (telling the reporter that the handlers asked a question), never to show to a user.
 */
@WithoutAccessChecks
public interface ReporterContacts {

    /** How the reporter of the incident can be reached; empty parts for what intake does not know. */
    ReporterContact contactOf(IncidentId incident);
}
