package io.cairn.incidents;

import io.cairn.shared.ActorRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Writes a newly reported incident. */
interface NewIncidents {

    /**
     * Inserts the incident, which must be new, with the first entry of its timeline (reported by {@code by} at
     * {@code at}, its status new, and the routing rule that gave it its team, if one did), and gives it the next
     * number; its stored version is 0.
     */
    void insertNew(Incident incident, Instant at, ActorRef by, @Nullable String routingRule);
}
