package io.cairn.incidents;

import io.cairn.shared.AuditableEvent;

/**
 * Something that happened to an incident: it was reported, changed through one of its verbs, or read while
 * confidential. The family is sealed, so that a listener that switches over it is told by the compiler when an event
 * is added; listeners in other modules match types, never verb strings.
 *
 * <p>A listener that wants every change of an existing incident listens for {@link IncidentChanged}; one that wants
 * only some changes listens for their records ({@link IncidentTransitioned}, {@link IncidentRecategorised}, ...).
 */
public sealed interface IncidentEvent extends AuditableEvent
        permits IncidentReported, IncidentChanged, ConfidentialIncidentViewed {

    /** The incident it happened to. */
    IncidentId incident();

    /**
     * The verb, past tense, as the audit trail names the event after {@code incident.} and, for a change, as the
     * incident's timeline names its entry: {@code reported}, {@code transitioned}, {@code merged-in}, ...
     */
    String verb();

    @Override
    default String action() {
        return "incident." + verb();
    }

    @Override
    default String objectType() {
        return "incident";
    }

    @Override
    default String objectId() {
        return incident().toString();
    }
}
