package io.cairn.handling;

import io.cairn.incidents.IncidentId;

/**
 * An event about one SLA clock of an incident (warned, breached, escalated): the audit trail names the clock as
 * {@code sla-clock} {@code <incident>/<kind>}.
 */
public interface SlaClockEvent extends AuditedAsNewState {

    /** The incident whose clock it is. */
    IncidentId incident();

    /** Which of the incident's clocks. */
    SlaClockKind kind();

    @Override
    default String objectType() {
        return "sla-clock";
    }

    @Override
    default String objectId() {
        return incident() + "/" + kind().code();
    }
}
